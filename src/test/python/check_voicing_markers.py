#!/usr/bin/env python3
"""Reads a MIDI file with mido (a parser other than bebop's) and prints every marker event, one a line:
"TRACK TICK TEXT" (TRACK the track's name, TICK the absolute tick), as bebop names chord voicings.
Usage: check_voicing_markers.py FILE.mid
"""
import sys

import mido

mid = mido.MidiFile(sys.argv[1])
for track in mid.tracks:
    tick = 0
    for m in track:
        tick += m.time
        if m.type == "marker":
            print(f"{track.name} {tick} {m.text}")
