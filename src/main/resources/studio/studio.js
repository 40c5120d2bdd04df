// bebop studio's page: asks the server (/api/) to compose, draws the piano roll with its chord
// symbols, plays it with a Web Audio synth whose clock drives the cursor, and links the downloads.
"use strict";

const $ = (id) => document.getElementById(id);
const ROW = 6;           // pixels per semitone
const BAR_WIDTH = 96;    // pixels per bar
const TOP = 18;          // room for the chord symbols

let piece = null;        // the last composition, as POST /api/compose answered it
let audio = null;        // the AudioContext (made on the first Play, as browsers ask)
let playing = null;      // {start, voices} while the piece sounds

function status(text, isError) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

async function loadModels() {
  const { models } = await api("/api/models");
  for (const m of models) {
    const option = new Option(m.label + " — " + m.kind, m.id);
    $("model").add(option);
  }
}

function settings() {
  const number = (id) => Number($(id).value);
  return {
    model: $("model").value,
    chords: $("chords").value.trim() || null,
    choruses: number("choruses"),
    tempo: number("tempo"),
    temperature: number("temperature"),
    seed: number("seed"),
  };
}

async function compose(event) {
  event.preventDefault();
  stop();
  $("compose").disabled = true;
  status("composing…");
  try {
    piece = await api("/api/compose", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(settings()),
    });
    draw(piece);
    links(piece);
    $("description").textContent = piece.description;
    $("result").hidden = false;
    status(piece.bars + " bars, " + piece.seconds.toFixed(1) + " s");
  } catch (e) {
    status(e.message, true);
  } finally {
    $("compose").disabled = false;
  }
}

function svg(name, attributes, text) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function draw(p) {
  const roll = $("roll");
  roll.replaceChildren();
  const pitches = p.parts.flatMap((part) => part.notes.map((n) => n[0]));
  const low = Math.min(...pitches, 60) - 2;
  const high = Math.max(...pitches, 60) + 2;
  const x = (tick) => (tick / p.ticksPerBar) * BAR_WIDTH;
  const width = p.bars * BAR_WIDTH;
  const height = TOP + (high - low + 1) * ROW;
  roll.setAttribute("width", width);
  roll.setAttribute("height", height);
  for (let b = 0; b <= p.bars; b++) {
    roll.append(svg("line", { class: "bar", "data-bar": b, x1: b * BAR_WIDTH, x2: b * BAR_WIDTH, y1: 0, y2: height }));
  }
  for (const c of p.chords) {
    roll.append(svg("text", { class: "chord-symbol", x: x(c.start) + 3, y: 13 }, c.symbol));
  }
  for (const part of p.parts) {
    for (const [pitch, start, duration] of part.notes) {
      roll.append(svg("rect", {
        class: "note note-" + part.name, x: x(start), y: TOP + (high - pitch) * ROW,
        width: Math.max(1, x(duration) - 1), height: ROW - 1,
      }));
    }
  }
  roll.append(svg("line", { id: "cursor", class: "cursor", x1: 0, x2: 0, y1: 0, y2: height }));
}

function links(p) {
  const box = $("downloads");
  box.replaceChildren(document.createTextNode("download: "));
  for (const [format, href] of Object.entries(p.downloads)) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = { mid: "MIDI", ly: "LilyPond", musicxml: "MusicXML" }[format] || format.toUpperCase();
    a.dataset.format = format;
    a.download = "";
    box.append(a);
  }
}

// A small synth: a triangle and a sine an octave up, with a short attack and release.
function voice(pitch, when, seconds, velocity, destination) {
  const frequency = 440 * Math.pow(2, (pitch - 69) / 12);
  const gain = audio.createGain();
  const peak = 0.12 * (velocity / 127);
  gain.gain.setValueAtTime(0, when);
  gain.gain.linearRampToValueAtTime(peak, when + 0.01);
  gain.gain.setTargetAtTime(0, when + Math.max(0.02, seconds - 0.03), 0.03);
  gain.connect(destination);
  const oscillators = [["triangle", 1], ["sine", 2]].map(([type, octave]) => {
    const o = audio.createOscillator();
    o.type = type;
    o.frequency.value = frequency * octave;
    o.connect(gain);
    o.start(when);
    o.stop(when + seconds + 0.2);
    return o;
  });
  return oscillators;
}

function play() {
  if (!piece) return;
  stop();
  audio = audio || new AudioContext();
  audio.resume();
  const secondsPerTick = 60 / (piece.tempo * piece.ticksPerQuarter);
  const start = audio.currentTime + 0.1;
  const voices = [];
  const buses = {};
  for (const part of piece.parts) {
    const bus = audio.createGain();
    bus.connect(audio.destination);
    buses[part.name] = bus;
    for (const [pitch, tick, duration, velocity] of part.notes) {
      voices.push(...voice(pitch, start + tick * secondsPerTick, duration * secondsPerTick, velocity, bus));
    }
  }
  playing = { start, voices, buses, length: piece.seconds };
  applyMutes();
  requestAnimationFrame(follow);
}

function applyMutes() {
  if (!playing) return;
  const muted = { Chords: $("mute-chords").checked, Melody: $("mute-melody").checked };
  for (const [name, bus] of Object.entries(playing.buses)) bus.gain.value = muted[name] ? 0 : 1;
}

// The cursor and the clock follow the audio clock, not the frame clock, so they stay with the sound.
function follow() {
  if (!playing) return;
  const t = Math.max(0, audio.currentTime - playing.start);
  $("clock").value = t.toFixed(2);
  const x = (t / playing.length) * piece.bars * BAR_WIDTH;
  const cursor = $("cursor");
  cursor.setAttribute("x1", x);
  cursor.setAttribute("x2", x);
  if (t >= playing.length) {
    playing = null;
    return;
  }
  requestAnimationFrame(follow);
}

function stop() {
  if (!playing) return;
  for (const o of playing.voices) {
    try { o.stop(); } catch (e) { /* already ended */ }
  }
  playing = null;
}

$("progression-choice").addEventListener("change", () => {
  const choice = $("progression-choice").value;
  if (choice !== "custom") $("chords").value = choice;
  $("chords").focus();
});
$("compose-form").addEventListener("submit", compose);
$("play").addEventListener("click", play);
$("stop").addEventListener("click", stop);
$("mute-chords").addEventListener("change", applyMutes);
$("mute-melody").addEventListener("change", applyMutes);
loadModels().catch((e) => status("cannot list the models: " + e.message, true));
