"""The monitored quantities of a report drawn with matplotlib, like ``attest plot``."""

import math
import textwrap


def _as_list(value):
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


def _spans_decades(values, decades=2):
    positive = [v for v in values if v > 0 and math.isfinite(v)]
    return bool(positive) and max(positive) / min(positive) >= 10 ** decades


def plot(report, series=None, claims=None, instances=None, ax=None):
    """Draws each series (name, or list of names; default all) of the given claims (id or list; default all) with
    its error band y ± error, one axes per series name, every instance a curve. The y axis is logarithmic when
    the kind marks the series logarithmic or its positive values span two decades or more; there the error
    estimate itself is also drawn dotted in the curve's colour (where a curve meets it, it has reached its
    rounding floor). Returns the matplotlib Figure; ``ax`` (one Axes, or one per series) draws into given axes.
    """
    import matplotlib.pyplot as plt

    frame = report.series
    wanted_series, wanted_claims = _as_list(series), _as_list(claims)
    if wanted_claims is not None:
        unknown = sorted(set(wanted_claims) - set(report.claims["claim"]))
        if unknown:
            raise ValueError(f"no claim {', '.join(unknown)} in the report")
        frame = frame[frame["claim"].isin(wanted_claims)]
    if wanted_series is not None:
        unknown = sorted(set(wanted_series) - set(frame["series"]))
        if unknown:
            raise ValueError(f"no series {', '.join(unknown)} in the report's claims "
                             f"(series: {', '.join(sorted(set(frame['series']))) or 'none'})")
        frame = frame[frame["series"].isin(wanted_series)]
    if instances is not None:
        frame = frame[frame["instance"].isin(_as_list(instances) if not isinstance(instances, int) else [instances])]
    if frame.empty:
        raise ValueError("nothing to plot: the selected claims record no series")

    names = wanted_series or list(dict.fromkeys(frame["series"]))
    if ax is None:
        figure, axes = plt.subplots(len(names), 1, figsize=(7, 3.6 * len(names)), squeeze=False)
        axes = list(axes[:, 0])
    else:
        axes = list(ax) if isinstance(ax, (list, tuple)) else [ax]
        if len(axes) != len(names):
            raise ValueError(f"{len(names)} series to draw but {len(axes)} axes given")
        figure = axes[0].figure

    several_claims = frame["claim"].nunique() > 1
    for axis, name in zip(axes, names):
        part = frame[frame["series"] == name]
        logarithmic = bool(part["logarithmic"].any()) or _spans_decades(part["y_float"])
        for (claim, instance), curve in part.groupby(["claim", "instance"], sort=False):
            curve = curve.sort_values("point")
            x, y, e = curve["x_float"], curve["y_float"], curve["error_float"].abs()
            label = f"{claim} #{instance}" if several_claims else f"instance {instance}"
            (line,) = axis.plot(x, y, label=label, linewidth=1.2)
            low, high = y - e, y + e
            if logarithmic:
                floor = y[y > 0].min() if (y > 0).any() else 1e-300
                low = low.where(low > 0, floor * 1e-3)
                axis.plot(x, e, linestyle=":", color=line.get_color(), linewidth=1)
            axis.fill_between(x, low, high, color=line.get_color(), alpha=0.25, linewidth=0)
        if logarithmic:
            axis.set_yscale("log")
        axis.set_xlabel(part["x_label"].iloc[0] or "")
        y_label = part["y_label"].iloc[0] or name
        axis.set_ylabel("\n".join(textwrap.wrap(y_label, 36)), fontsize="small" if len(y_label) > 36 else None)
        axis.set_title(name if several_claims else f"{part['claim'].iloc[0]}: {name}")
        axis.legend(fontsize="small")
    figure.tight_layout()
    return figure
