package bebop.io.model;

import bebop.UserError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a model file: what kind of model, where it came from, its configuration and
 * metrics as JSON trees, and its named parameter arrays. Independent of any network class: a
 * network turns itself into a Model (config record via {@link ModelJson#toTree}, parameters as
 * {@link Tensor}s) and back.
 *
 * <p>Immutable. JSON trees are stored in canonical form ({@link ModelJson#canonical}) and handed
 * out as copies; tensors keep the caller's order, which is part of the content (it is the order
 * in the file).
 *
 * @param kind what network reads this model, e.g. "lstm-paper"
 * @param provenance where the model came from
 * @param config the network's configuration (any JSON value, usually an object)
 * @param metrics training and evaluation results, a JSON object
 * @param extra anything else the caller wants kept with the model, a JSON object
 * @param tensors the parameter arrays by name, in file order
 */
public record Model(
        String kind,
        Provenance provenance,
        JsonNode config,
        ObjectNode metrics,
        ObjectNode extra,
        Map<String, Tensor> tensors) {

    public Model {
        Objects.requireNonNull(provenance, "provenance");
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("model kind must not be empty");
        }
        config = ModelJson.canonical(config);
        metrics = (ObjectNode) ModelJson.canonical(metrics == null ? ModelJson.object() : metrics);
        extra = (ObjectNode) ModelJson.canonical(extra == null ? ModelJson.object() : extra);
        Objects.requireNonNull(tensors, "tensors");
        LinkedHashMap<String, Tensor> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "tensor name");
            if (name.isEmpty() || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 0xFFFF) {
                throw new IllegalArgumentException("tensor name must have 1 to 65535 UTF-8 bytes: '" + name + "'");
            }
            copy.put(name, Objects.requireNonNull(e.getValue(), "tensor " + name));
        }
        tensors = Collections.unmodifiableMap(copy);
    }

    /**
     * A model with a config given as any value Jackson serialises (typically the network's
     * config record), no metrics and no extras.
     */
    public static Model of(String kind, Provenance provenance, Object config, Map<String, Tensor> tensors) {
        return new Model(kind, provenance, ModelJson.toTree(config), null, null, tensors);
    }

    /** The same model with these metrics (any value that serialises to a JSON object). */
    public Model withMetrics(Object metrics) {
        return new Model(kind, provenance, config, asObject(metrics, "metrics"), extra, tensors);
    }

    /** The same model with these extras (any value that serialises to a JSON object). */
    public Model withExtra(Object extra) {
        return new Model(kind, provenance, config, metrics, asObject(extra, "extra"), tensors);
    }

    /** The same model with another provenance. */
    public Model withProvenance(Provenance provenance) {
        return new Model(kind, provenance, config, metrics, extra, tensors);
    }

    private static ObjectNode asObject(Object value, String what) {
        JsonNode n = ModelJson.toTree(value);
        if (!(n instanceof ObjectNode o)) {
            throw new IllegalArgumentException(what + " must be a JSON object, not " + n.getNodeType());
        }
        return o;
    }

    /** A copy of the config tree. */
    @Override
    public JsonNode config() {
        return config.deepCopy();
    }

    /** A copy of the metrics. */
    @Override
    public ObjectNode metrics() {
        return metrics.deepCopy();
    }

    /** A copy of the extras. */
    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /** The config as a value of {@code type} (typically the network's config record). */
    public <T> T config(Class<T> type) {
        return ModelJson.fromTree(config, type);
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws UserError if the model has no such tensor (a model of another kind or version)
     */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new UserError("the " + kind + " model has no parameter array '" + name + "' (it has: "
                    + String.join(", ", tensors.keySet()) + ")");
        }
        return t;
    }
}
