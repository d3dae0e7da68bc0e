package dev.mmm.spark;

import dev.mmm.core.model.ModelSpec;
import java.io.Serializable;

/**
 * What each group is fitted with: its model spec and its sampler settings. Spark serialises the
 * plan to its executors and calls it there, once per group (again if a task is retried), so it
 * must be a pure function of the key. A spec travels as its JSON ({@link ModelSpec#toJson()}).
 */
public interface GroupPlan extends Serializable {

    /** The model of this group. */
    ModelSpec spec(GroupKey key);

    /** The sampler settings of this group (its seed comes from the key, not from here). */
    SamplerPlan sampler(GroupKey key);

    /** The same spec and settings for every group. */
    static GroupPlan shared(ModelSpec spec, SamplerPlan sampler) {
        return new SharedPlan(spec.toJson(), sampler);
    }

    /** One spec and settings for all groups, the spec kept as JSON (ModelSpec is not serialisable). */
    record SharedPlan(String specJson, SamplerPlan sampler) implements GroupPlan {

        private static final long serialVersionUID = 1L;

        @Override
        public ModelSpec spec(GroupKey key) {
            return ModelSpec.fromJson(specJson);
        }

        @Override
        public SamplerPlan sampler(GroupKey key) {
            return sampler;
        }
    }
}
