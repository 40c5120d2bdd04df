package bebop.app;

/** A model file read and ready to compose with: one of the paper's blues, or a model of another data set. */
public sealed interface LoadedModel permits BluesModel, DataModel {
    /** How the model is named to the user: its file, or "the bundled model". */
    String label();
}
