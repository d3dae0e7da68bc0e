package dev.mmm.report.view;

import java.time.LocalDate;
import java.util.List;

/**
 * What was modelled on which data: the report's first section.
 *
 * @param title     report title (e.g. the data set's name)
 * @param target    target column
 * @param channels  channel columns
 * @param controls  control columns, possibly empty
 * @param firstDate first period
 * @param lastDate  last period, not before the first
 * @param periods   number of periods (rows)
 * @param details   free-form lines, e.g. ("adstock", "geometric, l_max 8"), in display order
 */
public record ModelSummary(String title, String target, List<String> channels, List<String> controls,
                           LocalDate firstDate, LocalDate lastDate, int periods, List<Detail> details) {

    /** One labelled line of the summary. */
    public record Detail(String label, String value) {
        /** Checks that both parts are present. */
        public Detail {
            Checks.name(label, "ModelSummary.Detail.label");
            Checks.notNull(value, "ModelSummary.Detail '" + label + "'.value");
        }
    }

    /** Checks the required parts. */
    public ModelSummary {
        Checks.name(title, "ModelSummary.title");
        Checks.name(target, "ModelSummary.target");
        channels = Checks.nonEmpty(channels, "ModelSummary.channels");
        controls = Checks.orEmpty(controls, "ModelSummary.controls");
        Checks.notNull(firstDate, "ModelSummary.firstDate");
        Checks.notNull(lastDate, "ModelSummary.lastDate");
        if (lastDate.isBefore(firstDate)) {
            throw new IllegalArgumentException("ModelSummary: lastDate " + lastDate + " is before firstDate " + firstDate);
        }
        if (periods < 1) {
            throw new IllegalArgumentException("ModelSummary.periods = " + periods + "; it must be at least 1");
        }
        details = Checks.orEmpty(details, "ModelSummary.details");
    }
}
