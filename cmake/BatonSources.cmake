# SPDX-License-Identifier: GPL-3.0-or-later
# Sources are listed by hand, so that what builds is what the CMakeLists say. These helpers keep a
# list honest: a file on disk that no list names stops the configure with its name, rather than
# being left out silently (a test that never runs, a class that never builds).

# baton_check_listed(WHAT FOLDER GLOB... LISTED file...): every file under FOLDER matching a GLOB
# must be among the LISTED ones (paths relative to FOLDER).
function(baton_check_listed what folder)
    cmake_parse_arguments(ARG "" "" "GLOBS;LISTED;IGNORE" ${ARGN})
    set(_on_disk)
    foreach(_glob IN LISTS ARG_GLOBS)
        file(GLOB_RECURSE _found CONFIGURE_DEPENDS RELATIVE ${folder} ${folder}/${_glob})
        list(APPEND _on_disk ${_found})
    endforeach()
    set(_missing)
    foreach(_file IN LISTS _on_disk)
        if(NOT _file IN_LIST ARG_LISTED AND NOT _file IN_LIST ARG_IGNORE)
            list(APPEND _missing ${_file})
        endif()
    endforeach()
    if(_missing)
        list(JOIN _missing " " _names)
        message(FATAL_ERROR "${what}: ${folder} holds files no list names: ${_names} (add them to its CMakeLists.txt)")
    endif()
endfunction()
