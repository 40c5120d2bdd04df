package bebop.io.midi;

import bebop.music.Score;

/**
 * A Standard MIDI File as read: its score and the facts about the file that a {@link Score} does
 * not hold.
 *
 * @param format the file's type: 0 (one track) or 1 (several tracks)
 * @param resolution ticks per quarter note (also the score's {@code ticksPerQuarter})
 * @param tracks the number of tracks (MTrk chunks)
 * @param tempoEvents how many set-tempo events the file holds (the score keeps only the first)
 * @param seconds the length in seconds following every tempo change in the file
 * @param score the music
 */
public record MidiFile(int format, int resolution, int tracks, int tempoEvents, double seconds, Score score) {}
