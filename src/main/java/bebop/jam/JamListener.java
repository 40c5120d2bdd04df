package bebop.jam;

/**
 * What a session reports as it plays, besides the MIDI it sends: each step as it starts, and each
 * note-on and note-off it sends (chords, bebop's melody, the clicks) or hears (the player's notes, on
 * the step they are quantised to). For outputs that are not MIDI devices, such as the studio's page
 * over a WebSocket. Steps are counted from bar 1 (the count-in's steps are negative). Called on the
 * clock's thread (the player's notes: on the thread that delivered them), so an implementation must
 * return at once (queue the event and deliver it elsewhere, as {@link RemoteJam} does).
 */
public interface JamListener {
    /** Which part a note belongs to. */
    enum Part { CHORDS, BEBOP, PLAYER, CLICK }

    /** Step {@code step} starts, with bebop or the player on the melody. */
    void step(long step, JamSession.Role role);

    /** A note starts ({@code on}) or ends on {@code step}. */
    void note(Part part, boolean on, int pitch, int velocity, long step);

    /** Hears nothing. */
    JamListener NONE = new JamListener() {
        @Override
        public void step(long step, JamSession.Role role) {}

        @Override
        public void note(Part part, boolean on, int pitch, int velocity, long step) {}
    };
}
