"""SplitMix64 (Steele, Lea, Flood 2014) and its unbiased uniform integer in [lo, hi] (reject x >= 2^64 - 2^64 mod
span), written independently of the Swift generator, for the Python references of the seeded instances."""

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self, lo, hi):
        span = hi - lo + 1
        limit = MASK - MASK % span
        x = self.next()
        while x >= limit:
            x = self.next()
        return lo + x % span
