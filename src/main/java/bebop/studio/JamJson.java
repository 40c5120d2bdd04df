package bebop.studio;

import bebop.jam.JamSettings;

/**
 * A message the page sends over {@code /api/jam}: {@code {"type": "start", "model": ..., "chords": ...,
 * "tempo": ..., "callBars": ..., "responseBars": ..., "countIn": ..., "accompany": ..., "temperature": ..., "seed": ...}}
 * (absent fields take {@code bebop jam}'s defaults), {@code {"type": "note", "on": true, "pitch": 60, "velocity": 100}},
 * or {@code {"type": "stop"}}.
 */
record JamJson(String type, String model, String chords, Double tempo, Integer callBars, Integer responseBars,
               Integer countIn, Boolean accompany, Double temperature, Long seed, Boolean on, Integer pitch,
               Integer velocity) {

    JamSettings settings() {
        JamSettings d = JamSettings.defaults();
        return new JamSettings(tempo == null ? d.tempo() : tempo, callBars == null ? d.callBars() : callBars,
                responseBars == null ? d.responseBars() : responseBars, accompany != null && accompany,
                countIn == null ? d.countInBars() : countIn, false, temperature == null ? d.temperature() : temperature,
                seed == null ? d.seed() : seed);
    }
}
