package dev.mmm.report;

/** How to read each chart of the report, one or two sentences under it. */
final class Captions {

    private Captions() {
    }

    /** The kind of a chart from its report id: "response-3" is a "response". */
    static String kind(String chartId) {
        return chartId.replaceFirst("-\\d+$", "");
    }

    /** The caption of the chart with this report id ("fit", "response-3", ...). */
    static String of(String chartId) {
        return switch (kind(chartId)) {
            case "fit" -> "The line is the model's expected value each period and the band holds 90% of what the model"
                    + " predicts for a new observation; the points are what was observed. Most points (about 9 in 10)"
                    + " should fall inside the band, with no long runs outside it.";
            case "fit-expected" -> "The line is the model's expected target each period, every geo's summed, and the band"
                    + " the 90% interval of that expectation: the parameters' uncertainty, without the noise of a new"
                    + " observation, so points outside it are expected. The points are the geos' observed target summed;"
                    + " look for runs on one side and patterns the line misses.";
            case "geo-fit" -> "One geo's expected target each period (line, with the 90% interval of the expectation) and"
                    + " its observed target (points); the table gives each geo's totals and R²."
                    + " A geo whose points run away from its line is one the model fits badly.";
            case "residuals" -> "Observed minus expected, inside the same 90% band centred on zero. Residuals should look like"
                    + " noise: a trend, a seasonal wave or a step means the model misses a pattern (a control, a holiday,"
                    + " a trend change).";
            case "contributions" -> "What each component added to the target each period, stacked: the top of the stack is"
                    + " the model's expectation. Components below zero (a price increase, say) hang below the axis.";
            case "waterfall" -> "Each component's total contribution over the whole period, added left to right; the last"
                    + " bar is their sum, the model's total expectation.";
            case "shares" -> "Each channel's share of the total contribution of all channels. The whisker is the 90% interval:"
                    + " wide whiskers mean the data cannot tell this channel's effect apart well.";
            case "roas" -> "Contribution per unit of spend over the period. Above the dashed line at 1, a channel returned"
                    + " more than it cost (when target and spend are in the same currency). Compare whiskers before ranking channels:"
                    + " overlapping intervals are not a clear ranking.";
            case "geo-roas" -> "Each channel's return on ad spend in each geo over the period, bar at the mean, whisker over"
                    + " the 90% interval. Geos are partially pooled: a geo with little data leans towards the national value,"
                    + " so a wide whisker there says its own data tell little.";
            case "response" -> "Each channel's expected contribution per period at each spend level, with its 90% band; the"
                    + " diamond is the current spend. Where the curve flattens, more spend buys little: the slope at the diamond is the"
                    + " marginal return of the next unit.";
            case "geo-response" -> "One channel's response curve in every geo: the expected contribution over the reference"
                    + " window at each level of that geo's spend (posterior mean), the diamond each geo's current spend."
                    + " A geo whose curve flattens at lower spend is nearer saturation.";
            case "adstock" -> "How much of a period's spend acts in that period (lag 0) and in each later one. A slow decay"
                    + " means the effect of a campaign carries over for weeks.";
            case "allocation" -> "Spend per channel today and what the optimiser proposes for the same total budget and"
                    + " constraints. Moves towards channels whose response curves are steepest at current spend.";
            case "rank" -> "Ranks of all draws pooled, counted per chain in equal bins. Flat, overlapping lines around the"
                    + " dashed level mean the chains sample the same distribution; a chain high on one side is stuck.";
            case "trace" -> "Each chain's draws in order. Healthy chains overlap like noise around one level, with no trends"
                    + " and no chain apart from the others.";
            case "prior-posterior" -> "Prior (assumed before the data) against posterior (after). A posterior much narrower"
                    + " than the prior means the data were informative; one that looks like the prior means they said"
                    + " little about this parameter.";
            default -> throw new IllegalArgumentException("no caption for chart '" + chartId + "'");
        };
    }
}
