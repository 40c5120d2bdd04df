// bebop studio's Jam view: a jam played by the server's engine (the WebSocket /api/jam) with the
// player on a MIDI keyboard (Web MIDI) or the computer keyboard; both parts scroll on a piano roll,
// and bebop's chords and answers sound through the page's Web Audio synth as the server sends them.
// Uses $, audio (the Web Audio context) and sound (the synth) of studio.js.
"use strict";

// The computer keyboard as a piano: the home row the white keys, the row above the black keys.
const JAM_KEYS = { a: 0, w: 1, s: 2, e: 3, d: 4, f: 5, t: 6, g: 7, y: 8, h: 9, u: 10, j: 11, k: 12 };
const JAM_LOW = 36;          // the lowest pitch drawn (C2)
const JAM_HIGH = 96;         // the highest (C7)
const JAM_ROW = 4;           // pixels per semitone
const JAM_STEP = 12;         // pixels per step
const JAM_NOW = 720;         // where "now" is on the roll, in pixels
const JAM_KEEP = 120;        // steps kept on the roll to the left of now

let jam = null;              // {socket, info, step, stepAt, open, voices, held, counts}
let jamOctave = 0;           // Z and X move the computer keyboard by octaves
let jamMidi = null;          // the MIDIAccess, once asked for

function jamStatus(text, isError) {
  $("jam-status").textContent = text;
  $("jam-status").className = isError ? "error" : "";
}

async function loadJamModels() {
  const { models } = await api("/api/models");
  const chosen = $("jam-model").value;
  $("jam-model").replaceChildren(...models.map((m) => new Option(m.label + " — " + m.kind, m.id)));
  if (chosen && models.some((m) => m.id === chosen)) $("jam-model").value = chosen;
}

function jamY(pitch) {
  return (JAM_HIGH - Math.max(JAM_LOW, Math.min(JAM_HIGH, pitch))) * JAM_ROW;
}

// A held note of the synth: sounds until the function it returns is called.
function jamVoice(pitch, velocity, level) {
  const { gain, oscillators } = sound(pitch, audio.currentTime, level * (velocity / 127), audio.destination);
  return () => {
    const t = audio.currentTime;
    gain.gain.cancelScheduledValues(t);
    gain.gain.setValueAtTime(gain.gain.value, t);
    gain.gain.setTargetAtTime(0, t, 0.03);
    for (const o of oscillators) o.stop(t + 0.3);
  };
}

function startJam(event) {
  event.preventDefault();
  stopJam();
  audio = audio || new AudioContext();
  audio.resume();
  $("jam-bars").replaceChildren();
  $("jam-notes").replaceChildren();
  const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/jam");
  jam = { socket, info: null, step: null, stepAt: 0, open: new Map(), voices: new Map(), held: new Map(),
          counts: { bebop: 0, player: 0 } };
  jamCount("bebop");
  jamCount("player");
  socket.onopen = () => socket.send(JSON.stringify({
    type: "start",
    model: $("jam-model").value || null,
    chords: $("jam-progression").value || null,
    tempo: Number($("jam-tempo").value),
    callBars: Number($("jam-call-bars").value),
    responseBars: Number($("jam-response-bars").value),
  }));
  socket.onmessage = (e) => jamMessage(JSON.parse(e.data));
  socket.onclose = (e) => {
    if (!jam || jam.socket !== socket) return;
    jamStatus(e.reason ? "the jam ended: " + e.reason : "the jam ended", Boolean(e.reason) && e.code !== 1000);
    jamEnded();
  };
  $("jam-start").disabled = true;
  $("jam-stop").disabled = false;
  jamStatus("starting…");
  $("jam-keys").focus();
  jamListenMidi();
}

function jamMessage(m) {
  if (!jam) return;
  if (m.type === "started") {
    jam.info = m;
    jamStatus("jamming with " + m.model + " — " + m.bars + " bars: " + m.chords.join(" | ") + ". One bar of count-in.");
    requestAnimationFrame(jamScroll);
  } else if (m.type === "step") {
    jam.step = m.step;
    jam.stepAt = performance.now();
    $("jam-roll").dataset.step = m.step;
    $("jam-role").textContent = m.step < 0 ? "count-in" : m.role === "call" ? "your call" : "bebop answers";
    $("jam-role").className = m.step < 0 ? "" : "role-" + m.role;
    $("jam-bar").value = m.bar + 1;
    if (m.step >= 0 && m.step % jam.info.stepsPerBar === 0) jamBar(m.step, m.role);
  } else if (m.type === "note") {
    jamNote(m);
  } else if (m.type === "error") {
    jamStatus(m.error, true);
  } else if (m.type === "stopped") {
    jamStatus("stopped");
  }
}

function jamCount(part) {
  $("jam-roll").dataset[part + "Notes"] = jam.counts[part];
  $("jam-" + part + "-count").value = jam.counts[part];
}

// A bar's background (the call's and the response's apart) and its bar line.
function jamBar(step, role) {
  const width = jam.info.stepsPerBar * JAM_STEP;
  $("jam-bars").append(svg("rect", { class: "jam-bar-" + role, x: step * JAM_STEP, y: 0, width, height: jamY(JAM_LOW) + JAM_ROW }));
  $("jam-bars").append(svg("line", { class: "bar", x: step * JAM_STEP, x1: step * JAM_STEP, x2: step * JAM_STEP, y1: 0,
                                      y2: jamY(JAM_LOW) + JAM_ROW }));
}

function jamNote(m) {
  const key = m.part + ":" + m.pitch;
  if (m.part === "click") {
    if (m.on) jamVoice(m.pitch + 12, m.velocity, 0.05)();
    return;
  }
  if (m.part !== "player") {
    const release = jam.voices.get(key);
    if (release) release();
    jam.voices.delete(key);
    if (m.on) jam.voices.set(key, jamVoice(m.pitch, m.velocity, m.part === "chords" ? 0.04 : 0.12));
  }
  const open = jam.open.get(key);
  if (open) {
    open.setAttribute("width", Math.max(1, m.step - Number(open.dataset.start)) * JAM_STEP);
    open.classList.remove("open");
    jam.open.delete(key);
  }
  if (m.on) {
    if (m.part in jam.counts) {
      jam.counts[m.part]++;
      jamCount(m.part);
    }
    const rect = svg("rect", { class: "jam-note open jam-" + m.part, x: m.step * JAM_STEP, y: jamY(m.pitch),
                               width: JAM_STEP, height: JAM_ROW, "data-pitch": m.pitch, "data-start": m.step });
    $("jam-notes").append(rect);
    jam.open.set(key, rect);
  }
}

// The roll scrolls with the steps the server reports, smoothly between them.
function jamScroll() {
  if (!jam || !jam.info) return;
  if (jam.step !== null) {
    const since = (performance.now() - jam.stepAt) / 1000 / jam.info.stepSeconds;
    const now = jam.step + Math.min(1, since);
    $("jam-lane").setAttribute("transform", "translate(" + (JAM_NOW - now * JAM_STEP) + " 0)");
    for (const rect of jam.open.values()) {
      rect.setAttribute("width", Math.max(1, now - Number(rect.dataset.start)) * JAM_STEP);
    }
    // what has scrolled far out of sight is dropped (a chord held long is kept until it ends)
    for (const group of [$("jam-bars"), $("jam-notes")]) {
      for (const el of [...group.children]) {
        const end = Number(el.getAttribute("x")) + Number(el.getAttribute("width") || 0);
        if (end < (now - JAM_KEEP) * JAM_STEP && !el.classList.contains("open")) el.remove();
      }
    }
  }
  requestAnimationFrame(jamScroll);
}

function jamSend(on, pitch, velocity) {
  if (!jam || jam.socket.readyState !== WebSocket.OPEN) return;
  jam.socket.send(JSON.stringify({ type: "note", on, pitch, velocity }));
}

// The player's own notes sound at once, here; the server hears them and sends them back on their step.
function jamPlay(source, on, pitch, velocity) {
  const key = "own:" + source;
  const release = jam.voices.get(key);
  if (release) release();
  jam.voices.delete(key);
  if (on) jam.voices.set(key, jamVoice(pitch, velocity, 0.12));
  jamSend(on, pitch, velocity);
}

function jamKeyTarget(event) {
  const tag = event.target && event.target.tagName;
  return jam && !$("jam-view").hidden && !event.ctrlKey && !event.metaKey && !event.altKey
      && tag !== "INPUT" && tag !== "SELECT" && tag !== "TEXTAREA";
}

document.addEventListener("keydown", (event) => {
  if (!jamKeyTarget(event)) return;
  const k = event.key.toLowerCase();
  if (k === "z" || k === "x") {
    jamOctave = Math.max(-2, Math.min(2, jamOctave + (k === "z" ? -1 : 1)));
    event.preventDefault();
    return;
  }
  if (!(k in JAM_KEYS)) return;
  event.preventDefault();
  if (event.repeat || jam.held.has(k)) return;
  const pitch = 60 + 12 * jamOctave + JAM_KEYS[k];
  jam.held.set(k, pitch);
  jamPlay("key:" + k, true, pitch, 100);
});

document.addEventListener("keyup", (event) => {
  if (!jam) return;
  const k = event.key.toLowerCase();
  const pitch = jam.held.get(k);
  if (pitch === undefined) return;
  jam.held.delete(k);
  jamPlay("key:" + k, false, pitch, 0);
});

// Web MIDI: every input the browser offers plays, when it offers any (and the user allows it).
function jamListenMidi() {
  if (!navigator.requestMIDIAccess) {
    $("jam-midi").textContent = "· no Web MIDI in this browser: play the computer keyboard";
    return;
  }
  const bind = () => {
    const names = [];
    for (const input of jamMidi.inputs.values()) {
      names.push(input.name);
      input.onmidimessage = (message) => {
        if (!jam) return;
        const [status, pitch, velocity] = message.data;
        const command = status & 0xf0;
        if (command === 0x90 && velocity > 0) jamPlay("midi:" + input.id + ":" + pitch, true, pitch, velocity);
        else if (command === 0x80 || command === 0x90) jamPlay("midi:" + input.id + ":" + pitch, false, pitch, 0);
      };
    }
    $("jam-midi").textContent = names.length ? "· MIDI: " + names.join(", ") : "· no MIDI keyboard found: play the computer keyboard";
  };
  if (jamMidi) {
    bind();
    return;
  }
  navigator.requestMIDIAccess({ sysex: false }).then((access) => {
    jamMidi = access;
    access.onstatechange = bind;
    bind();
  }).catch(() => {
    $("jam-midi").textContent = "· Web MIDI not allowed: play the computer keyboard";
  });
}

function jamEnded() {
  if (!jam) return;
  for (const release of jam.voices.values()) release();
  jam = null;
  $("jam-start").disabled = false;
  $("jam-stop").disabled = true;
}

function stopJam() {
  if (!jam) return;
  const socket = jam.socket;
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "stop" }));
  socket.close(1000);
  jamStatus("stopped");
  jamEnded();
}

$("jam-form").addEventListener("submit", startJam);
$("jam-stop").addEventListener("click", stopJam);
// models trained or uploaded since the page opened are offered too
$("jam-tab").addEventListener("click", () => loadJamModels().catch((e) => jamStatus("cannot list the models: " + e.message, true)));
loadJamModels().catch((e) => jamStatus("cannot list the models: " + e.message, true));
