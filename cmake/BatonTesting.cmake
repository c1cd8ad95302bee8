# SPDX-License-Identifier: GPL-3.0-or-later
# baton_add_test(NAME SOURCE LIBS... [INCLUDES dir...] [DEFINES def...]): one QtTest executable per
# tested class, registered with ctest under its own name, label unit, offscreen, C.UTF-8.
function(baton_add_test name source)
    cmake_parse_arguments(ARG "" "" "LIBS;INCLUDES;DEFINES" ${ARGN})
    qt_add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Baton::settings Qt6::Test)
    if(ARG_INCLUDES)
        target_include_directories(${name} PRIVATE ${ARG_INCLUDES})
    endif()
    if(ARG_DEFINES)
        target_compile_definitions(${name} PRIVATE ${ARG_DEFINES})
    endif()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES LABELS unit TIMEOUT 120
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8")
endfunction()

# baton_add_tests(FOLDER NAMES... LIBS... [INCLUDES ...] [DEFINES ...]): FOLDER/NAME.cpp for each
# NAME, and no Test*.cpp in FOLDER left unregistered.
function(baton_add_tests folder)
    cmake_parse_arguments(ARG "" "" "NAMES;LIBS;INCLUDES;DEFINES;IGNORE" ${ARGN})
    set(_listed)
    foreach(_name IN LISTS ARG_NAMES)
        baton_add_test(${_name} ${folder}/${_name}.cpp LIBS ${ARG_LIBS} INCLUDES ${ARG_INCLUDES}
            DEFINES ${ARG_DEFINES})
        list(APPEND _listed ${_name}.cpp)
    endforeach()
    baton_check_listed("tests" ${folder} GLOBS "Test*.cpp" LISTED ${_listed} IGNORE ${ARG_IGNORE})
endfunction()
