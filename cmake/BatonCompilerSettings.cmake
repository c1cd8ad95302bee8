# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings, hardening and strict Qt definitions for every Baton target.
# Applied through an interface library so that each target opts in explicitly by linking it.

add_library(baton_settings INTERFACE)
add_library(Baton::settings ALIAS baton_settings)

target_compile_options(baton_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wsign-conversion -Wformat=2 -Werror=format-security
    -fstack-protector-strong -fstack-clash-protection -fcf-protection
    $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond -Wlogical-op>)
if(BATON_WERROR)
    target_compile_options(baton_settings INTERFACE -Werror)
endif()

# _FORTIFY_SOURCE needs optimisation; Debug builds leave it out instead of warning.
target_compile_definitions(baton_settings INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH QT_NO_KEYWORDS QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# PIE executables: CMake adds -fPIE/-pie once the linker is known to support them (policy CMP0083).
include(CheckPIESupported)
check_pie_supported()
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
target_link_options(baton_settings INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,--as-needed)
