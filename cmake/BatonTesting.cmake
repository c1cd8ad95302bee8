# SPDX-License-Identifier: GPL-3.0-or-later
# baton_add_test(NAME SOURCE LIBS... [INCLUDES dir...] [DEFINES def...] [ISOLATED]): one QtTest
# executable per tested class, registered with ctest under its own name, label unit, offscreen,
# C.UTF-8. ISOLATED runs it in a network namespace of its own with only loopback
# (tests/isolated-net.sh): for tests whose code probes addresses.
function(baton_add_test name source)
    cmake_parse_arguments(ARG "ISOLATED" "" "LIBS;INCLUDES;DEFINES" ${ARGN})
    qt_add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Baton::settings Qt6::Test)
    if(ARG_INCLUDES)
        target_include_directories(${name} PRIVATE ${ARG_INCLUDES})
    endif()
    if(ARG_DEFINES)
        target_compile_definitions(${name} PRIVATE ${ARG_DEFINES})
    endif()
    if(ARG_ISOLATED)
        add_test(NAME ${name} COMMAND bash ${PROJECT_SOURCE_DIR}/tests/isolated-net.sh $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set_tests_properties(${name} PROPERTIES LABELS unit TIMEOUT 120
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8")
endfunction()

# baton_add_tests(FOLDER NAMES... LIBS... [INCLUDES ...] [DEFINES ...] [ISOLATED]): FOLDER/NAME.cpp
# for each NAME, and no Test*.cpp in FOLDER left unregistered.
function(baton_add_tests folder)
    cmake_parse_arguments(ARG "ISOLATED" "" "NAMES;LIBS;INCLUDES;DEFINES;IGNORE" ${ARGN})
    set(_isolated)
    if(ARG_ISOLATED)
        set(_isolated ISOLATED)
    endif()
    set(_listed)
    foreach(_name IN LISTS ARG_NAMES)
        baton_add_test(${_name} ${folder}/${_name}.cpp LIBS ${ARG_LIBS} INCLUDES ${ARG_INCLUDES}
            DEFINES ${ARG_DEFINES} ${_isolated})
        list(APPEND _listed ${_name}.cpp)
    endforeach()
    baton_check_listed("tests" ${folder} GLOBS "Test*.cpp" LISTED ${_listed} IGNORE ${ARG_IGNORE})
endfunction()
