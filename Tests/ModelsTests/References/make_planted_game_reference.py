"""The planted zero-sum game of ZeroSumGame(plantedSize:seed:), computed independently in Python (fractions and a
SplitMix64 of its own), for ZeroSumGameTests.planted. Run: python3 make_planted_game_reference.py"""
from fractions import Fraction as F

from splitmix64 import SplitMix64


def planted(n, seed):
    rng = SplitMix64(seed)
    b = [[F(rng.uniform(-6, 6)) for _ in range(n)] for _ in range(n)]

    def weights():
        w = [F(rng.uniform(1, 6)) for _ in range(n)]
        return [x / sum(w) for x in w]

    p, q = weights(), weights()
    s = F(rng.uniform(-3, 3))
    r = [sum(b[i][j] * q[j] for j in range(n)) for i in range(n)]
    a1 = [[b[i][j] - r[i] for j in range(n)] for i in range(n)]
    c = [sum(a1[i][j] * p[i] for i in range(n)) for j in range(n)]
    return [[a1[i][j] - c[j] + s for j in range(n)] for i in range(n)], p, q, s


for n, seed in [(3, 0), (4, 1)]:
    a, p, q, s = planted(n, seed)
    print(f"n = {n}, seed = {seed}")
    print("A =", [[str(x) for x in row] for row in a])
    print("x* =", [str(x) for x in p], "y* =", [str(x) for x in q], "v =", s)
