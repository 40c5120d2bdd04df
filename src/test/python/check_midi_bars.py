#!/usr/bin/env python3
"""Reads a MIDI file with mido (a parser other than bebop's) and prints its shape as one line:
"type T, ticks_per_beat N, time_signature 4/4, bars B, tempo_bpm X, tracks K, notes M".
Usage: check_midi_bars.py FILE.mid
"""
import sys

import mido

mid = mido.MidiFile(sys.argv[1])
sigs = [(m.numerator, m.denominator) for t in mid.tracks for m in t if m.type == "time_signature"]
tempos = [m.tempo for t in mid.tracks for m in t if m.type == "set_tempo"]
length = max(sum(m.time for m in t) for t in mid.tracks)
num, den = sigs[0] if sigs else (4, 4)
ticks_per_bar = mid.ticks_per_beat * 4 * num // den
notes = sum(1 for t in mid.tracks for m in t if m.type == "note_on" and m.velocity > 0)
print(f"type {mid.type}, ticks_per_beat {mid.ticks_per_beat}, time_signature {num}/{den}, "
      f"bars {length / ticks_per_bar:g}, tempo_bpm {mido.tempo2bpm(tempos[0]) if tempos else 120:g}, "
      f"tracks {len(mid.tracks)}, notes {notes}")
