package dev.mmm.core.optimize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A budget question: over a planning window and a posterior, how to spend a budget across the
 * channels (within per-channel bounds, with a flighting pattern within the window) to maximise an
 * objective of the incremental target.
 *
 * @param bounds   per channel by name
 * @param defaults the bounds of channels not named in {@code bounds} ({@link DefaultBounds#none()}: free within the budget)
 */
public record BudgetProblem(PlanWindow window, PosteriorDraws draws, BudgetTarget budget,
                            Map<String, ChannelBound> bounds, DefaultBounds defaults, Flighting flighting,
                            Objective objective) {

    public BudgetProblem {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(flighting, "flighting");
        Objects.requireNonNull(objective, "objective");
        bounds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
        for (String name : bounds.keySet()) {
            if (!window.boundNames().contains(name)) {
                throw new IllegalArgumentException("--bounds: no channel named '" + name + "'; the channels are "
                        + String.join(", ", window.boundNames()));
            }
        }
    }

    public static Builder builder(PlanWindow window, PosteriorDraws draws) {
        return new Builder(window, draws);
    }

    /**
     * Fills a problem in steps; the defaults are a flat flighting, the mean objective and
     * {@link DefaultBounds#standard()} for every channel not given a bound of its own.
     */
    public static final class Builder {
        private final PlanWindow window;
        private final PosteriorDraws draws;
        private BudgetTarget budget;
        private final Map<String, ChannelBound> bounds = new LinkedHashMap<>();
        private DefaultBounds defaults = DefaultBounds.standard();
        private Flighting flighting = Flighting.flat();
        private Objective objective = Objective.mean();

        private Builder(PlanWindow window, PosteriorDraws draws) {
            this.window = window;
            this.draws = draws;
        }

        /** Spend exactly {@code total} over the window. */
        public Builder budget(double total) {
            this.budget = new BudgetTarget.Fixed(total);
            return this;
        }

        public Builder budget(BudgetTarget target) {
            this.budget = target;
            return this;
        }

        public Builder bound(String channel, ChannelBound bound) {
            bounds.put(channel, bound);
            return this;
        }

        public Builder bounds(Map<String, ChannelBound> all) {
            bounds.putAll(all);
            return this;
        }

        /** The bounds of channels not given one of their own ({@link DefaultBounds#none()} to leave them free). */
        public Builder defaultBounds(DefaultBounds d) {
            this.defaults = d;
            return this;
        }

        public Builder flighting(Flighting f) {
            this.flighting = f;
            return this;
        }

        public Builder objective(Objective o) {
            this.objective = o;
            return this;
        }

        public BudgetProblem build() {
            if (budget == null) {
                throw new IllegalArgumentException("a budget problem needs a budget (or a target efficiency)");
            }
            return new BudgetProblem(window, draws, budget, bounds, defaults, flighting, objective);
        }
    }
}
