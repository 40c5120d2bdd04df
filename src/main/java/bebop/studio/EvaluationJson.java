package bebop.studio;

/**
 * The body of {@code POST /api/evaluations} and {@code POST /api/comparisons}: a model id (null: the
 * bundled model), and {@code bebop eval}'s {@code --choruses}, {@code --seed}, (evaluations)
 * {@code --runs} and (comparisons) {@code --elman-epochs}; absent fields take its defaults. Or, for an
 * evaluation, {@code corpus} (an id from {@code POST /api/imports}, or jsb or nottingham) and {@code split}:
 * {@code bebop eval --data DATASET --split SPLIT}.
 */
record EvaluationJson(String model, Integer choruses, Long seed, Integer runs, Integer elmanEpochs, String corpus,
                      String split) {}
