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

let modelList = [];      // the models as GET /api/models described them
const BUNDLED_DATA = ["jsb", "nottingham"];   // the data sets bebop bundles, which Measure offers beside the imports

// Chords to improvise over are for a model of chords and melody; a piano roll's keys have no parts to mute.
function fitComposeForm() {
  const m = modelList.find((x) => x.id === $("model").value);
  const overChords = !m || m.melody;
  for (const id of ["progression-choice", "chords"]) {
    $(id).disabled = !overChords;
    $(id).title = overChords ? "" : "this model has no chords apart from its melody to follow";
  }
  const roll = m && m.kind === "piano roll";
  for (const id of ["mute-chords", "mute-melody"]) $(id).parentElement.hidden = roll;
}

async function loadModels() {
  const { models, unreadable } = await api("/api/models");
  modelList = models;
  // a model file of the folder that cannot be read is said, not hidden
  $("model-note").textContent = unreadable.length === 0 ? ""
    : "Not offered: " + unreadable.map((u) => u.id + " (" + u.error + ")").join("; ");
  const chosen = $("model").value;
  $("model").replaceChildren();
  for (const m of models) {
    const option = new Option(m.label + " — " + m.kind, m.id);
    $("model").add(option);
  }
  if (chosen && models.some((m) => m.id === chosen)) $("model").value = chosen;
  fitComposeForm();
  const evalChosen = $("eval-model").value;
  $("eval-model").replaceChildren(...models.map((m) => new Option(m.label + " — " + m.kind, m.id)));
  if (evalChosen && models.some((m) => m.id === evalChosen)) $("eval-model").value = evalChosen;
  showRecorded().catch(() => {});
}

// A MIDI primer is sent once (POST /api/primers) and then named by the id the server gives it.
let primerSent = null;   // {file, id}

async function primer() {
  if ($("primer-choice").value !== "file") return null;
  const file = $("primer-file").files[0];
  if (!file) throw new Error("choose a MIDI file to start from, or a training opening");
  if (primerSent && primerSent.file === file) return primerSent.id;
  const { id } = await api("/api/primers", { method: "POST", headers: { "Content-Type": "audio/midi" }, body: file });
  primerSent = { file, id };
  return id;
}

function settings(primerId) {
  const number = (id) => Number($(id).value);
  return {
    model: $("model").value,
    primer: primerId,
    chords: $("chords").disabled ? null : $("chords").value.trim() || null,
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
    const primerId = await primer();
    piece = await api("/api/compose", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(settings(primerId)),
    });
    draw(piece);
    links(piece);
    notation(piece);
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

// The notation: the piece's MusicXML (as downloaded) engraved in the page by OpenSheetMusicDisplay.
// #score's data-state says where it is (loading, drawn, none, failed) and data-measures how many
// measures were drawn.
let engraver = null;     // the OpenSheetMusicDisplay instance, made on the first score
let scoreFor = null;     // the id of the composition being engraved (a newer one wins)

async function notation(p) {
  const box = $("score");
  const say = (state, text) => {
    box.dataset.state = state;
    $("score-status").textContent = text;
  };
  scoreFor = p.id;
  if (engraver) engraver.clear(); else box.replaceChildren();
  delete box.dataset.measures;
  if (!p.downloads.musicxml) {
    say("none", "no notation for this piece");
    return;
  }
  if (typeof opensheetmusicdisplay === "undefined") {
    say("failed", "no score view in this build (npm was not found when bebop was built)");
    return;
  }
  say("loading", "engraving the score…");
  try {
    const response = await fetch(p.downloads.musicxml);
    if (!response.ok) throw new Error((await response.json()).error || response.statusText);
    const xml = await response.text();
    if (scoreFor !== p.id) return;
    engraver = engraver || new opensheetmusicdisplay.OpenSheetMusicDisplay(box, {
      backend: "svg", autoResize: true, drawTitle: false, drawComposer: false, drawCredits: false,
    });
    await engraver.load(xml);
    if (scoreFor !== p.id) return;
    engraver.render();
    const measures = new Set([...box.querySelectorAll("svg g.vf-measure")].map((g) => g.id)).size;
    box.dataset.measures = measures;
    say("drawn", measures + " measures");
  } catch (e) {
    if (scoreFor === p.id) say("failed", "cannot engrave the score: " + e.message);
  }
}

// A small synth: a triangle and a sine an octave up, with a short attack, sounding from `when`
// until its release is scheduled (voice, and the Jam view's held notes).
function sound(pitch, when, peak, destination) {
  const frequency = 440 * Math.pow(2, (pitch - 69) / 12);
  const gain = audio.createGain();
  gain.gain.setValueAtTime(0, when);
  gain.gain.linearRampToValueAtTime(peak, when + 0.01);
  gain.connect(destination);
  const oscillators = [["triangle", 1], ["sine", 2]].map(([type, octave]) => {
    const o = audio.createOscillator();
    o.type = type;
    o.frequency.value = frequency * octave;
    o.connect(gain);
    o.start(when);
    return o;
  });
  return { gain, oscillators };
}

// A note of known length: the synth released at its end.
function voice(pitch, when, seconds, velocity, destination) {
  const { gain, oscillators } = sound(pitch, when, 0.12 * (velocity / 127), destination);
  gain.gain.setTargetAtTime(0, when + Math.max(0.02, seconds - 0.03), 0.03);
  for (const o of oscillators) o.stop(when + seconds + 0.2);
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

// ---- Train view: import MIDI files, train, watch the learning curve, stop ----

let training = null;     // {id, source (EventSource), points: [{epoch, train, valid}], maxEpochs}

function trainStatus(text, isError) {
  $("train-status").textContent = text;
  $("train-status").className = isError ? "error" : "";
}

async function loadCorpora(select) {
  const { imports } = await api("/api/imports");
  const box = $("train-data");
  for (const o of [...box.options]) if (o.value.startsWith("corpus:")) o.remove();
  for (const id of imports) box.add(new Option("imported corpus " + id, "corpus:" + id));
  if (select) box.value = "corpus:" + select;
  // the Evaluate tab scores a model of a data set on a corpus's test pieces (bebop eval --data)
  const data = $("eval-data");
  const chosen = data.value;
  for (const o of [...data.options]) if (o.value) o.remove();
  for (const id of imports) data.add(new Option("the test pieces of corpus " + id, id));
  for (const name of BUNDLED_DATA) data.add(new Option("the test pieces of " + name, name));
  if (imports.includes(chosen)) data.value = chosen;
}

function report(body) {
  const rows = $("import-report").tBodies[0];
  rows.replaceChildren();
  for (const f of body.files) {
    const tr = document.createElement("tr");
    tr.className = f.imported ? "imported" : "rejected";
    for (const text of [f.file, f.imported ? "imported" : "rejected", f.reason || "", f.split || ""]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    rows.append(tr);
  }
  $("import-report").hidden = false;
}

async function importFiles(event) {
  event.preventDefault();
  const files = $("import-files").files;
  if (!files.length) {
    $("import-status").textContent = "choose MIDI files or a zip first";
    return;
  }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  $("import").disabled = true;
  $("import-status").textContent = "importing " + files.length + " file" + (files.length === 1 ? "" : "s") + "…";
  try {
    const response = await fetch("/api/imports", { method: "POST", body: form });
    const body = await response.json();
    if (body.files) report(body);
    if (!response.ok) throw new Error(body.error || response.statusText);
    $("import-status").textContent = body.summary + ": corpus " + body.id + ", ready to train";
    await loadCorpora(body.id);
  } catch (e) {
    $("import-status").textContent = e.message;
  } finally {
    $("import").disabled = false;
  }
}

function trainSettings() {
  const [kind, value] = $("train-data").value.split(":");
  const body = { seed: Number($("train-seed").value), maxEpochs: Number($("max-epochs").value) };
  if (kind === "experiment") {
    body.experiment = value;
  } else {
    body.corpus = value;
    body.trainer = $("trainer").value;
    if (body.trainer === "modern") body.hidden = Number($("hidden").value);
  }
  const name = $("model-name").value.trim();
  if (name) body.name = name;
  return body;
}

async function startTraining(event) {
  event.preventDefault();
  try {
    const started = await api("/api/trainings", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(trainSettings()),
    });
    watch(started);
  } catch (e) {
    trainStatus(e.message, true);
  }
}

function watch(started) {
  if (training && training.source) training.source.close();
  training = { id: started.id, points: [], maxEpochs: started.maxEpochs, source: new EventSource(started.events) };
  $("train").disabled = true;
  $("stop-training").disabled = false;
  trainStatus(started.description);
  drawCurve();
  training.source.addEventListener("progress", (e) => progress(JSON.parse(e.data)));
}

function progress(p) {
  if (!training || p.id !== training.id) return;
  training.points.push(...p.points);
  training.maxEpochs = p.maxEpochs;
  $("train-progress").value = p.done;
  trainStatus(p.state === "running" ? "epoch " + p.epoch + " of at most " + p.maxEpochs + " — " + p.description
      : p.message + (p.file ? " (model '" + p.model + "')" : ""), p.state === "failed");
  $("train-status").dataset.state = p.state;
  drawCurve();
  if (p.state !== "running") {
    training.source.close();
    $("train").disabled = false;
    $("stop-training").disabled = true;
    if (p.file) loadModels().catch(() => {});
  }
}

async function stopTraining() {
  if (!training) return;
  $("stop-training").disabled = true;
  try {
    await api("/api/trainings/" + training.id, { method: "DELETE" });
    trainStatus("stopping after this epoch…");
  } catch (e) {
    trainStatus(e.message, true);
  }
}

// The learning curve: training error (and validation NLL for the modern LSTM) by epoch, log scale
// when the values span more than a decade.
function drawCurve() {
  const box = $("curve");
  box.replaceChildren();
  const points = training ? training.points : [];
  box.dataset.points = points.length;
  const W = Number(box.getAttribute("width"));
  const H = Number(box.getAttribute("height"));
  const left = 56, right = 12, top = 12, bottom = 30;
  box.append(svg("line", { class: "axis", x1: left, y1: H - bottom, x2: W - right, y2: H - bottom }));
  box.append(svg("line", { class: "axis", x1: left, y1: top, x2: left, y2: H - bottom }));
  if (!points.length) return;
  const values = points.flatMap((p) => [p.train, p.valid]).filter((v) => typeof v === "number" && isFinite(v) && v > 0);
  let low = Math.min(...values), high = Math.max(...values);
  const log = high / low > 10;
  const f = (v) => (log ? Math.log10(v) : v);
  if (f(high) - f(low) < 1e-9) { high = high * 1.1 + 1e-9; low = low * 0.9; }
  const lastEpoch = Math.max(points[points.length - 1].epoch, 2);
  const x = (e) => left + ((e - 1) / (lastEpoch - 1)) * (W - left - right);
  const y = (v) => H - bottom - ((f(v) - f(low)) / (f(high) - f(low))) * (H - top - bottom);
  for (const name of ["train", "valid"]) {
    const pts = points.filter((p) => typeof p[name] === "number" && p[name] > 0);
    if (!pts.length) continue;
    box.append(svg("polyline", { class: "series-" + name, "data-count": pts.length,
      points: pts.map((p) => x(p.epoch).toFixed(1) + "," + y(p[name]).toFixed(1)).join(" ") }));
  }
  box.append(svg("text", { class: "label", x: left, y: H - 8 }, "epoch 1"));
  box.append(svg("text", { class: "label", x: W - right - 60, y: H - 8 }, "epoch " + lastEpoch));
  box.append(svg("text", { class: "label", x: 4, y: top + 10 }, high.toPrecision(3)));
  box.append(svg("text", { class: "label", x: 4, y: H - bottom }, low.toPrecision(3)));
  box.append(svg("text", { class: "label", x: W / 2 - 120, y: H - 8 },
    "training error" + (points.some((p) => typeof p.valid === "number") ? " (orange), validation NLL (blue)" : "")
    + (log ? ", log scale" : "")));
}

// ---- Evaluate view: the metrics a model file records, a new free run measured, the baselines ----

function evalStatus(text, isError) {
  $("eval-status").textContent = text;
  $("eval-status").className = isError ? "error" : "";
}

function cell(row, text, number) {
  const td = document.createElement(row.parentElement && row.parentElement.tagName === "THEAD" ? "th" : "td");
  td.textContent = text;
  if (number) td.className = "number";
  row.append(td);
}

function format(v) {
  return typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v);
}

function metricsTable(table, metrics) {
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const [name, value] of Object.entries(metrics || {})) {
    if (typeof value === "object") continue;
    const tr = body.insertRow();
    tr.dataset.metric = name;
    cell(tr, name);
    cell(tr, format(value), typeof value === "number");
  }
}

async function showRecorded() {
  const id = $("eval-model").value;
  if (!id) return;
  // a model of the paper's blues is measured by its free runs; a model of a data set can be scored on a corpus
  const chosen = modelList.find((x) => x.id === id);
  const blues = !chosen || chosen.kind.startsWith("blues");
  $("eval-data").disabled = blues;
  if (blues) $("eval-data").value = "";
  const m = await api("/api/models/" + encodeURIComponent(id));
  // what the model is and how it learned, as bebop inspect tells it (a field the file does not record is left out)
  $("model-about").replaceChildren(...["network", "frames", "learning", "training"].filter((k) => m[k]).flatMap((k) => {
    const term = document.createElement("dt");
    const detail = document.createElement("dd");
    term.textContent = k;
    detail.textContent = m[k];
    detail.dataset.field = k;
    return [term, detail];
  }));
  metricsTable($("recorded-metrics"), m.metrics);
  const p = m.provenance || {};
  $("provenance").textContent = "made by bebop " + (p.bebop_version || "?") + " on " + (p.created || "?")
    + ", seed " + p.seed + ": bebop " + (p.command_line || []).join(" ");
}

function evalSettings() {
  return {
    model: $("eval-model").value,
    choruses: Number($("eval-choruses").value),
    seed: Number($("eval-seed").value),
  };
}

// Many free runs (bebop eval --runs): each metric's mean, least and greatest value over the runs.
function runsTable(table, runs) {
  const body = table.tBodies[0];
  body.replaceChildren();
  const head = body.insertRow();
  for (const c of ["", "mean", "min", "max"]) cell(head, c);
  for (const name of Object.keys(runs.mean)) {
    const tr = body.insertRow();
    tr.dataset.metric = name;
    cell(tr, name);
    for (const v of [runs.mean[name], runs.min[name], runs.max[name]]) cell(tr, format(v), true);
  }
  if (runs.nll !== null) {
    const nll = body.insertRow();
    nll.dataset.metric = "nll";
    cell(nll, "nll (every run)");
    cell(nll, format(runs.nll), true);
  }
}

async function evaluateModel(event) {
  event.preventDefault();
  const corpus = $("eval-data").value;
  evalStatus(corpus ? "scoring the model on corpus " + corpus + "…" : "letting the model run free…");
  try {
    const runs = Number($("eval-runs").value);
    const body = corpus ? { model: $("eval-model").value, corpus } : Object.assign(evalSettings(), { runs });
    const r = await api("/api/evaluations", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    if (r.corpus) {
      metricsTable($("eval-metrics"), r.metrics);
      evalStatus("scored on the " + r.metrics.frames + " frames of the " + r.split + " pieces of "
        + (BUNDLED_DATA.includes(r.corpus) ? "" : "corpus ") + r.corpus
        + " (cross-entropy per frame, teacher-forced)");
    } else if (r.runs) {
      runsTable($("eval-metrics"), r.runs);
      evalStatus("measured " + r.runs.runs + " free runs of " + r.runs.choruses + " choruses, seeds "
        + r.runs.first_seed + " to " + (r.runs.first_seed + r.runs.runs - 1));
    } else {
      metricsTable($("eval-metrics"), r.metrics);
      // a model of other data has no form to keep: what its training measured (and a piano roll's free run)
      const m = r.metrics;
      evalStatus(m.choruses !== undefined ? "measured " + m.choruses + " free-run choruses"
        : (m.generated_frames !== undefined ? "a free run of " + m.generated_frames + " frames; the NLLs are "
          : "") + "what its training measured, as its file records it; choose a corpus under Measure to score it now");
    }
  } catch (e) {
    evalStatus(e.message, true);
  }
}

const CHART = ["chord_accuracy", "in_scale", "novel_bars"];

async function compareModel() {
  $("compare").disabled = true;
  evalStatus("training the baselines and letting every model run free…");
  try {
    const body = Object.assign(evalSettings(), { elmanEpochs: Number($("elman-epochs").value) });
    const r = await api("/api/comparisons", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const columns = Object.keys(r.rows[0]).filter((k) => typeof r.rows[0][k] !== "object");
    const table = $("compare-table");
    table.tHead.replaceChildren();
    const head = table.tHead.insertRow();
    for (const c of columns) cell(head, c);
    table.tBodies[0].replaceChildren();
    for (const row of r.rows) {
      const tr = table.tBodies[0].insertRow();
      for (const c of columns) cell(tr, format(row[c]), typeof row[c] === "number");
    }
    table.hidden = false;
    $("verdict").textContent = r.verdict;
    compareChart(r.rows);
    evalStatus("compared " + r.rows.length + " models");
  } catch (e) {
    evalStatus(e.message, true);
  } finally {
    $("compare").disabled = false;
  }
}

// Grouped bars: for each model, its chord accuracy, in-scale share and novel bars (all 0..1).
function compareChart(rows) {
  const box = $("compare-chart");
  box.replaceChildren();
  box.hidden = false;
  const W = Number(box.getAttribute("width")), H = Number(box.getAttribute("height"));
  const left = 40, bottom = 40, top = 24;
  const group = (W - left - 10) / rows.length;
  const bar = Math.min(24, (group - 12) / CHART.length);
  const y = (v) => H - bottom - v * (H - top - bottom);
  box.append(svg("line", { class: "axis", x1: left, y1: y(0), x2: W - 10, y2: y(0), stroke: "#888" }));
  for (const v of [0, 0.5, 1]) box.append(svg("text", { class: "label", x: 8, y: y(v) + 4 }, v.toFixed(1)));
  rows.forEach((row, i) => {
    const x0 = left + i * group + 6;
    CHART.forEach((metric, k) => {
      const v = typeof row[metric] === "number" ? Math.max(0, Math.min(1, row[metric])) : 0;
      box.append(svg("rect", { class: "bar bar-" + metric, "data-model": row.model, "data-metric": metric,
        x: x0 + k * bar, y: y(v), width: bar - 2, height: y(0) - y(v) }));
    });
    box.append(svg("text", { class: "label", x: x0, y: H - bottom + 14 }, row.model));
  });
  CHART.forEach((metric, k) => {
    box.append(svg("rect", { class: "bar-" + metric, x: left + k * 140, y: 6, width: 10, height: 10 }));
    box.append(svg("text", { class: "label", x: left + k * 140 + 14, y: 15 }, metric));
  });
}

function show(view) {
  for (const tab of document.querySelectorAll("nav .tab")) {
    tab.setAttribute("aria-selected", tab.dataset.view === view);
    $(tab.dataset.view).hidden = tab.dataset.view !== view;
  }
}

for (const tab of document.querySelectorAll("nav .tab")) tab.addEventListener("click", () => show(tab.dataset.view));
$("import-form").addEventListener("submit", importFiles);
$("evaluate-form").addEventListener("submit", evaluateModel);
$("compare").addEventListener("click", compareModel);
$("eval-model").addEventListener("change", () => showRecorded().catch((e) => evalStatus(e.message, true)));
$("train-form").addEventListener("submit", startTraining);
$("stop-training").addEventListener("click", stopTraining);
loadCorpora().catch(() => {});
// a training started earlier (in another tab, or by a script) is watched as if started here
api("/api/trainings").then(({ trainings }) => {
  const running = trainings.find((t) => t.state === "running");
  if (running) watch(running);
}).catch(() => {});

$("progression-choice").addEventListener("change", () => {
  const choice = $("progression-choice").value;
  if (choice !== "custom") $("chords").value = choice;
  $("chords").focus();
});
$("compose-form").addEventListener("submit", compose);
$("model").addEventListener("change", fitComposeForm);
$("primer-choice").addEventListener("change", () => {
  $("primer-file-label").hidden = $("primer-choice").value !== "file";
});
$("play").addEventListener("click", play);
$("stop").addEventListener("click", stop);
$("mute-chords").addEventListener("change", applyMutes);
$("mute-melody").addEventListener("change", applyMutes);
loadModels().catch((e) => status("cannot list the models: " + e.message, true));
