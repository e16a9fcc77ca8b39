# nbaprops_soname(VAR LIBRARY): the SONAME recorded in the shared library file LIBRARY (the name
# the dynamic loader looks for, e.g. libpq.so.5), read with objdump. For the libraries the
# program opens on first use (src/core/on_demand_library.h) instead of linking them.
function(nbaprops_soname var library)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${library} OUTPUT_VARIABLE dump RESULT_VARIABLE rc)
  string(REGEX MATCH "SONAME +([^\n ]+)" match "${dump}")
  if(NOT rc EQUAL 0 OR NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "cannot read the SONAME of ${library}")
  endif()
  set(${var} ${CMAKE_MATCH_1} PARENT_SCOPE)
endfunction()
