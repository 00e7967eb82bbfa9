// Counts heap allocations made through malloc/calloc/realloc/posix_memalign in this process.
// Linked only into the benchmark executable, where it interposes glibc's allocator.
#ifndef ATTEST_CALLOCATIONCOUNTER_H
#define ATTEST_CALLOCATIONCOUNTER_H
#include <stdint.h>

/// The number of allocations made since the process started.
uint64_t attest_allocation_count(void);

#endif
