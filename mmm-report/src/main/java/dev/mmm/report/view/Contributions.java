package dev.mmm.report.view;

import java.time.LocalDate;
import java.util.List;

/**
 * Posterior mean contributions to the target over time, one series per component (baseline,
 * each channel, controls, seasonality, ...), in target units; they are drawn stacked. Values may be
 * negative (a price control): negative parts stack below zero.
 *
 * @param dates  one date per period, increasing
 * @param series the components, distinct names, each with one value per date
 */
public record Contributions(List<LocalDate> dates, List<NamedSeries> series) {
    /** Checks that every series has one value per date and that names are distinct. */
    public Contributions {
        dates = Dates.increasing(dates, "Contributions.dates");
        series = Checks.nonEmpty(series, "Contributions.series");
        for (NamedSeries s : series) {
            Checks.length(s.values(), dates.size(), "Contributions series '" + s.name() + "'", "dates");
        }
        Checks.distinct(series.stream().map(NamedSeries::name).toList(), "Contributions.series");
    }
}
