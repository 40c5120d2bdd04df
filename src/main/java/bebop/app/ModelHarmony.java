package bebop.app;

import bebop.io.corpus.CorpusDatasets;
import bebop.io.model.Model;
import bebop.music.KeyChange;
import bebop.music.Voicing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What the chords a model was trained on were, as composing over a user's chords needs it: the voicing
 * that speaks the model's language and the key its training data was in.
 *
 * <ul>
 *   <li>the paper's blues: its triads and sevenths (core voicing), in C;
 *   <li>an imported corpus, as its model file records the import ({@code extra.harmony}): recognised
 *       chords are voiced as a typed symbol in the core voicing, raw sets hold every pitch class sounding
 *       (full voicing); {@code --transpose C} put the pieces in C major or A minor, {@code none} and
 *       {@code all12} in no one key;
 *   <li>a model that records none (written before bebop recorded it): the core voicing, no key.
 * </ul>
 *
 * @param voicing the voicing the model's training chords used
 * @param why where that comes from, for the output ("the paper's triads and sevenths")
 * @param major the key of the training data's major pieces, null when there is no one key
 * @param minor the key of its minor pieces, null when there is no one key
 * @param keys what the training data's keys were, for messages ("all twelve keys (import --transpose all12)")
 */
public record ModelHarmony(Voicing voicing, String why, KeyChange.Key major, KeyChange.Key minor, String keys) {
    /** Where a model file records its training data's harmony. */
    static final String FIELD = "harmony";

    private static final KeyChange.Key C = new KeyChange.Key(0, false);

    /** The harmony of a loaded model. */
    public static ModelHarmony of(LoadedModel m) {
        if (m instanceof BluesModel) {
            return paper();
        }
        JsonNode h = ((DataModel) m).model().extra().path(FIELD);
        String chords = h.path("chords").asText("");
        if (chords.equals("paper")) {
            return paper();
        }
        Voicing v = chords.equals("raw") ? Voicing.FULL : Voicing.CORE;
        String why = chords.isEmpty() ? "it does not record its training chords"
                : "its training chords were " + (chords.equals("raw") ? "raw sets" : "recognised chords");
        String transpose = h.path("transpose").asText("");
        return switch (transpose) {
            case "C" -> new ModelHarmony(v, why, C, new KeyChange.Key(9, true), "C major and A minor (import --transpose C)");
            case "none" -> new ModelHarmony(v, why, null, null, "each piece's own key (import --transpose none)");
            case "all12" -> new ModelHarmony(v, why, null, null, "all twelve keys (import --transpose all12)");
            default -> new ModelHarmony(v, why, null, null, "keys it does not record");
        };
    }

    private static ModelHarmony paper() {
        return new ModelHarmony(Voicing.CORE, "the paper's triads and sevenths", C, new KeyChange.Key(0, true), "C (the paper's blues)");
    }

    /** The model's key for a tune in {@code key}: its major or its minor key; empty when it has no one key. */
    public Optional<KeyChange.Key> keyFor(KeyChange.Key key) {
        return Optional.ofNullable(key.minor() ? minor : major);
    }

    /**
     * The model with the harmony of the data set {@code spec} it was trained on recorded: an import
     * folder's chord source and transposition (from its meta.json), or the paper's for the blues.
     */
    static Model recorded(Model model, String spec) {
        ObjectNode h = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (TrainService.isBlues(spec)) {
            h.put("chords", "paper");
            h.put("transpose", "C");
        } else {
            Optional<java.nio.file.Path> folder = CorpusDatasets.importFolder(spec);
            if (folder.isEmpty()) {
                return model;
            }
            CorpusDatasets.importOptions(folder.get()).forEach(h::put);
        }
        ObjectNode extra = model.extra().deepCopy();
        extra.set(FIELD, h);
        return model.withExtra(extra);
    }

    /** A trained model with its data set's harmony recorded ({@link #recorded(Model, String)}). */
    static <R> TrainedModel<R> recorded(TrainedModel<R> trained, String spec) {
        return new TrainedModel<>(recorded(trained.model(), spec), trained.curve(), trained.run());
    }
}
