#!/usr/bin/env python3
"""Golden values for Tests/BacktestingTests/Statistics, computed independently with numpy/scipy.

Run `python3 scripts/stats_reference.py` (needs numpy and scipy) and paste the printed
values into the tests. Never run at test time: the Swift tests hold the values as literals so
they need no Python. Every input here is a literal or a fixed-seed draw that the script
prints, so the Swift side can hold the very same numbers.
"""
import math

import numpy as np
from scipy import special, stats


def f(value):
    """The shortest repr that round-trips, which Swift parses to the same Double."""
    return repr(float(value))


def swift_list(values):
    return "[" + ", ".join(f(v) for v in values) + "]"


def section(title):
    print(f"\n// --- {title} ---")


def special_functions():
    section("normal CDF: (x, Phi(x))")
    for x in [-10.0, -3.0, -1.96, -0.5, 0.0, 0.5, 1.0, 1.96, 3.0, 8.0]:
        print(f"({f(x)}, {f(special.ndtr(x))}),")

    section("normal quantile: (p, Phi^-1(p))")
    for p in [1e-300, 1e-20, 1e-10, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975,
              0.999, 1 - 1e-10]:
        print(f"({f(p)}, {f(special.ndtri(p))}),")

    section("regularised incomplete beta: (x, a, b, I_x(a, b))")
    for x, a, b in [(0.3, 2.0, 3.0), (0.9, 0.5, 0.5), (0.01, 10.0, 0.5), (0.5, 1.0, 1.0),
                    (0.999, 50.0, 2.5), (0.2, 100.0, 100.0), (0.7, 1249.5, 0.5),
                    (1e-5, 0.1, 3.0)]:
        print(f"({f(x)}, {f(a)}, {f(b)}, {f(special.betainc(a, b, x))}),")

    section("Student t CDF: (t, df, F(t))")
    for t, df in [(2.0, 5.0), (-2.0, 5.0), (0.0, 3.0), (1.0, 1.0), (-4.5, 2.5),
                  (0.3, 30.0), (2.5, 1000.0), (-12.0, 9.0)]:
        print(f"({f(t)}, {f(df)}, {f(stats.t.cdf(t, df))}),")

    section("log gamma: (x, ln|Gamma(x)|)")
    for x in [0.5, 1.0, 3.5, 10.0, 171.5, 1e5]:
        print(f"({f(x)}, {f(special.gammaln(x))}),")


def diebold_mariano(e1, e2, h):
    """DM with the rectangular long-run variance and the HLN correction, written afresh."""
    d = e1 ** 2 - e2 ** 2
    n = d.size
    dbar = d.mean()
    dev = d - dbar
    gamma = [np.dot(dev[k:], dev[:n - k]) / n for k in range(h)]
    variance = gamma[0] + 2 * sum(gamma[1:])
    if variance <= 0:
        return math.nan, math.nan
    dm = dbar / math.sqrt(variance / n)
    hln = dm * math.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n)
    return hln, 2 * stats.t.sf(abs(hln), n - 1)


DM_ACTUAL = np.array([0.012, -0.004, 0.021, -0.017, 0.003, 0.009, -0.011, 0.015, -0.002,
                      0.007, -0.019, 0.004, 0.013, -0.008, 0.001, 0.016, -0.006, 0.010,
                      -0.013, 0.005])
DM_PREDICTED = np.array([0.004, -0.001, 0.006, -0.009, 0.002, -0.003, -0.004, 0.005, 0.001,
                         0.002, -0.006, 0.003, 0.002, -0.005, 0.004, 0.007, -0.002, 0.001,
                         -0.004, -0.001])


def dm_section():
    section("Diebold-Mariano against the zero (random-walk) forecast, hand-written rows")
    print("actual:", swift_list(DM_ACTUAL))
    print("predicted:", swift_list(DM_PREDICTED))
    naive = np.zeros_like(DM_ACTUAL)
    for h in [1, 3]:
        statistic, p = diebold_mariano(DM_PREDICTED - DM_ACTUAL, naive - DM_ACTUAL, h)
        print(f"h={h}: statistic {f(statistic)}, p-value {f(p)}")

    section("Diebold-Mariano, fixed-seed level forecasts with overlapping 3-step errors")
    rng = np.random.default_rng(3)
    shocks = rng.normal(0, 1, 42)
    # A 3-step forecast's errors overlap: an MA(2) in the shocks, so h - 1 = 2 lags matter.
    actual = np.round(100 + np.cumsum(shocks)[2:], 3)
    naive = np.round(actual - (shocks[2:] + shocks[1:-1] + shocks[:-2]), 3)
    predicted = np.round(actual - 0.8 * (shocks[2:] + 0.9 * shocks[1:-1] + 0.5 * shocks[:-2])
                         + 0.1, 3)
    print("actual:", swift_list(actual))
    print("predicted:", swift_list(predicted))
    print("naive:", swift_list(naive))
    for h in [1, 3]:
        statistic, p = diebold_mariano(predicted - actual, naive - actual, h)
        print(f"h={h}: statistic {f(statistic)}, p-value {f(p)}")


def psr(sr, sr_star, n, skew, kurt):
    return stats.norm.cdf((sr - sr_star) * math.sqrt(n - 1)
                          / math.sqrt(1 - skew * sr + (kurt - 1) / 4 * sr ** 2))


def expected_max_sr(trials, variance):
    g = np.euler_gamma
    return math.sqrt(variance) * ((1 - g) * stats.norm.ppf(1 - 1 / trials)
                                  + g * stats.norm.ppf(1 - 1 / (trials * math.e)))


def sharpe_inference_section():
    section("Bailey & Lopez de Prado (2014) numerical example, 250 days a year")
    sr = 2.5 / math.sqrt(250)
    sr_star = expected_max_sr(100, 0.5 / 250)
    print(f"SR* {f(sr_star)}, DSR {f(psr(sr, sr_star, 1250, -3.0, 10.0))}")

    section("PSR and DSR of a fixed-seed return series (biased moments)")
    rng = np.random.default_rng(20240607)
    returns = np.round(rng.standard_t(4, 60) * 0.01 + 0.001, 5)
    print("returns:", swift_list(returns))
    sr = returns.mean() / returns.std(ddof=1)
    skew = stats.skew(returns, bias=True)
    kurt = stats.kurtosis(returns, fisher=False, bias=True)
    print(f"sr {f(sr)}, skew {f(skew)}, kurt {f(kurt)}")
    print(f"PSR(0) {f(psr(sr, 0.0, returns.size, skew, kurt))}")
    print(f"PSR(0.05) {f(psr(sr, 0.05, returns.size, skew, kurt))}")
    star = expected_max_sr(20, 0.004)
    print(f"DSR(N=20, V=0.004) {f(psr(sr, star, returns.size, skew, kurt))}")


def equity_section():
    section("every return metric of a fixed-seed equity curve")
    rng = np.random.default_rng(11)
    equity = np.round(100_000 * np.cumprod(1 + rng.normal(0.0004, 0.012, 40)), 2)
    equity = np.concatenate([[100_000.0], equity])
    days = 19_000 + np.cumsum(rng.integers(1, 4, equity.size)) - 1
    print("equity:", swift_list(equity))
    print("days:", "[" + ", ".join(str(int(d)) for d in days) + "]")
    r = equity[1:] / equity[:-1] - 1
    cagr = (equity[-1] / equity[0]) ** (365.25 / (days[-1] - days[0])) - 1
    mdd = (equity / np.maximum.accumulate(equity) - 1).min()
    q = np.quantile(r, 0.05)
    values = {
        "total_return": equity[-1] / equity[0] - 1,
        "cagr": cagr,
        "volatility": r.std(ddof=1) * math.sqrt(252),
        "sharpe": r.mean() / r.std(ddof=1) * math.sqrt(252),
        "sortino": r.mean() / math.sqrt(np.mean(np.minimum(r, 0) ** 2)) * math.sqrt(252),
        "max_drawdown": mdd,
        "calmar": cagr / abs(mdd),
        "skew": stats.skew(r, bias=False),
        "excess_kurtosis": stats.kurtosis(r, fisher=True, bias=False),
        "var_95": -q,
        "cvar_95": -r[r <= q].mean(),
    }
    for name, value in values.items():
        print(f'"{name}": {f(value)},')

    benchmark = np.round(100_000 * np.cumprod(1 + rng.normal(0.0003, 0.01, 40)), 2)
    benchmark = np.concatenate([[100_000.0], benchmark])
    print("benchmark:", swift_list(benchmark))
    b = benchmark[1:] / benchmark[:-1] - 1
    fit = stats.linregress(b, r)
    active = r - b
    print(f"alpha {f(fit.intercept * 252)}, beta {f(fit.slope)}, "
          f"information ratio {f(active.mean() / active.std(ddof=1) * math.sqrt(252))}")


if __name__ == "__main__":
    special_functions()
    dm_section()
    sharpe_inference_section()
    equity_section()
