package bebop.studio;

/**
 * The body of {@code POST /api/trainings}: {@code experiment} (chords or melody) or {@code corpus} (an id
 * from {@code POST /api/imports}, with {@code trainer} modern, the default, or paper); {@code seed}
 * (default 1), {@code maxEpochs} and {@code hidden} (modern: the LSTM's cells) as {@code bebop train}
 * takes them; {@code name}: the model's id (default: made from the settings).
 */
record TrainingJson(String experiment, String corpus, String trainer, Long seed, Long maxEpochs, Integer hidden,
                    String name) {}
