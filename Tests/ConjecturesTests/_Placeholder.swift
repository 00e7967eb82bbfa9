// placeholder until conjecture-core commits its tests (not committed)
