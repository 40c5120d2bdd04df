#!/usr/bin/env python3
"""Checks bebop's blues data set with a MIDI parser other than bebop's own (mido).

Usage: check_blues_midi.py DIR [--tempo BPM] [--form paper|corrected]

Reads DIR/midi/blues-*.mid and checks, for every file: 12 bars of 4/4 at the stated tempo; the
chord notes sounding in every half bar equal the paper's form (Figure 2, PAPER_FACTS.md section 2);
every bar's melody is one of the paper's segments for that bar (PAPER_FACTS.md section 3); and all
melodies are distinct. The expectations below are written from the paper, not from bebop's code.
Prints one line per problem and a summary; exits 1 on any problem.
"""
import argparse
import glob
import os
import sys

import mido

C, F7, GM7, EM, A7, DM7, G7, DM = ([48, 52, 55], [48, 51, 53, 57], [50, 53, 55, 58], [52, 55, 59],
                                   [49, 52, 55, 57], [48, 50, 53, 57], [50, 53, 55, 59], [50, 53, 57])
BAR6 = {"paper": [48, 50, 54, 57], "corrected": [48, 51, 54, 57]}


def form(variant):
    """The chord of each half bar, 24 in all."""
    bars = [(C, C), (F7, F7), (C, C), (GM7, C), (F7, F7), (BAR6[variant],) * 2,
            (C, C), (EM, A7), (DM7, DM7), (G7, G7), (C, A7), (DM, G7)]
    return [sorted(half) for bar in bars for half in bar]


A, B = [67, 70, 65, 60], [60, 70, 67, 63]
SEGMENTS = {
    1: [A, B], 2: [A, B], 3: [A, B], 7: [A, B],
    5: [[65, 66, 67, 70], [65, 72, 70, 63]], 6: [[65, 66, 67, 70], [65, 72, 70, 63]],
    9: [[67, 60, 63, 66], [67, 72, 67, 66]], 10: [[65, 60, 65, 63], [65, 70, 65, 63]],
    4: [x + y for x in ([60, 70], [67, 70]) for y in ([67, 70], [70, 63])],
    8: [x + y for x in ([60, 70], [67, 70]) for y in ([67, 63], [65, 60])],
    11: [[60, 63, 70, 66]], 12: [[62, 62, 67, 67]],
}


def notes_by_channel(mid):
    """(channel, pitch, start, end) in absolute ticks, from every track."""
    out = []
    for track in mid.tracks:
        now, on = 0, {}
        for msg in track:
            now += msg.time
            if msg.type == "note_on" and msg.velocity > 0:
                on.setdefault((msg.channel, msg.note), []).append(now)
            elif msg.type in ("note_off", "note_on"):
                starts = on.get((msg.channel, msg.note))
                if starts:
                    out.append((msg.channel, msg.note, starts.pop(0), now))
    return out


def sounding(notes, channel, tick):
    return sorted(p for ch, p, s, e in notes if ch == channel and s <= tick < e)


def check(path, tempo_bpm, chords):
    problems = []
    mid = mido.MidiFile(path)
    tpq = mid.ticks_per_beat
    if mid.type != 1:
        problems.append(f"type {mid.type}, expected 1")
    tempos = [m.tempo for t in mid.tracks for m in t if m.type == "set_tempo"]
    if not tempos or abs(mido.tempo2bpm(tempos[0]) - tempo_bpm) > 1e-6:
        problems.append(f"tempo {tempos and mido.tempo2bpm(tempos[0])}, expected {tempo_bpm}")
    sigs = [(m.numerator, m.denominator) for t in mid.tracks for m in t if m.type == "time_signature"]
    if sigs != [(4, 4)]:
        problems.append(f"time signatures {sigs}, expected one 4/4")
    bar = 4 * tpq
    length = max(sum(m.time for m in t) for t in mid.tracks)
    if length != 12 * bar:
        problems.append(f"length {length / bar} bars, expected 12")
    notes = notes_by_channel(mid)
    channels = sorted({ch for ch, *_ in notes})
    if len(channels) != 2:
        return problems + [f"notes on channels {channels}, expected a chord and a melody channel"], None
    chord_ch = min(channels, key=lambda ch: min(p for c, p, *_ in notes if c == ch))
    melody_ch = [ch for ch in channels if ch != chord_ch][0]
    for half in range(24):
        for eighth in range(4):
            tick = half * 2 * tpq + eighth * tpq // 2
            got = sounding(notes, chord_ch, tick)
            if got != chords[half]:
                problems.append(f"bar {half // 2 + 1} step {half % 2 * 4 + eighth}: chord {got}, expected {chords[half]}")
    melody = []
    for quarter in range(48):
        for eighth in range(2):
            got = sounding(notes, melody_ch, quarter * tpq + eighth * tpq // 2)
            if len(got) != 1:
                problems.append(f"quarter {quarter}: melody sounds {got}, expected one note")
        got = sounding(notes, melody_ch, quarter * tpq)
        melody.append(got[0] if got else None)
    for b in range(1, 13):
        seg = melody[(b - 1) * 4:b * 4]
        if seg not in SEGMENTS[b]:
            problems.append(f"bar {b}: melody {seg} is none of the paper's segments for that bar")
    return problems, tuple(melody)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--tempo", type=float, default=120.0)
    ap.add_argument("--form", choices=sorted(BAR6), default="paper")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.dir, "midi", "blues-*.mid")))
    chords = form(args.form)
    bad, melodies = 0, set()
    for path in files:
        problems, melody = check(path, args.tempo, chords)
        for p in problems:
            print(f"{os.path.basename(path)}: {p}")
        bad += bool(problems)
        melodies.add(melody)
    distinct = len(melodies)
    print(f"mido {mido.__version__}: {len(files)} files read, {bad} with problems, {distinct} distinct melodies")
    ok = len(files) == 4096 and bad == 0 and distinct == 4096
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
