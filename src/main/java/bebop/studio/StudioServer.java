package bebop.studio;

import bebop.UserError;
import bebop.app.ComposeService;
import bebop.app.Composition;
import bebop.app.EvaluateService;
import bebop.app.Evaluation;
import bebop.app.EvaluationRuns;
import bebop.app.Experiment;
import bebop.app.ImportService;
import bebop.app.ModelCache;
import bebop.app.ScoreFiles;
import bebop.app.ScoreFormat;
import bebop.app.TrainingJob;
import bebop.jam.JamSettings;
import bebop.jam.JamSetup;
import bebop.jam.RemoteJam;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bebop studio's web server: the page (served from the jar's {@code /studio} resources) and the JSON
 * API under {@code /api/} that it and scripts call. Handlers parse, call the application layer
 * ({@link ComposeService}, {@link ScoreFiles}) and answer; every refusal is a 4xx with
 * {@code {"error": "..."}} and never a stack trace; files are written only into the work folder.
 */
public final class StudioServer implements AutoCloseable {
    /** The compositions kept for download; the oldest is forgotten first. */
    private static final int KEPT = 64;
    private static final Pattern COMPOSITION_FILE = Pattern.compile("([0-9a-f]{16})\\.([a-z]+)");

    private final StudioSettings settings;
    private final ModelCatalog models;
    /** The models compose requests read, kept between requests (a replaced file is read again). */
    private final ModelCache composing = new ModelCache(StudioSettings.MODELS_KEPT);
    private final Corpora corpora;
    private final PrimerStore primers;
    private final Trainings trainings = new Trainings();
    /** Comparisons train baselines for tens of seconds: one at a time, the others told to wait. */
    private final Semaphore comparing = new Semaphore(1);
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ThreadPoolExecutor composers = new ThreadPoolExecutor(StudioSettings.THREADS, StudioSettings.THREADS,
            0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(StudioSettings.QUEUE));
    private final Map<String, Composition> compositions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Composition> eldest) {
            return size() > KEPT;
        }
    };
    private final Javalin app;
    /** The jams playing, by WebSocket session; at most {@link StudioSettings#JAMS} at a time. */
    private final Map<String, RemoteJam> jams = new java.util.concurrent.ConcurrentHashMap<>();
    private final Semaphore jamSlots = new Semaphore(StudioSettings.JAMS);

    private StudioServer(StudioSettings settings) {
        this.settings = settings;
        this.models = new ModelCatalog(settings.models(), settings.work().resolve("models"));
        this.corpora = new Corpora(settings.work().resolve("imports"));
        this.primers = new PrimerStore(settings.work().resolve("primers"));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxUploadBytes();
            // multipart parts beyond 1 MB wait on disk, in the work folder (Jetty deletes them after the request)
            config.jetty.multipartConfig.cacheDirectory(settings.work().resolve(".multipart").toString());
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/studio";
                s.location = Location.CLASSPATH;
            });
        });
        app.get("/api/models", ctx -> ctx.json(models.list()));
        app.get("/api/models/{id}", ctx -> ctx.json(models.describe(ctx.pathParam("id"))));
        app.get("/api/models/{id}/file", ctx -> {
            String id = ctx.pathParam("id");
            byte[] bytes = models.bytes(id);
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".bebop\"");
            ctx.result(bytes);
        });
        app.post("/api/models", ctx -> {
            byte[] body = ctx.bodyAsBytes();
            if (body.length == 0) {
                throw ApiError.badRequest("POST /api/models takes the .bebop file as the request body (and ?name=NAME)");
            }
            ctx.status(201).json(models.upload(ctx.queryParam("name"), body));
        });
        app.post("/api/primers", this::uploadPrimer);
        app.post("/api/compose", this::compose);
        app.get("/api/compositions/{file}", this::download);
        app.post("/api/evaluations", this::evaluate);
        app.post("/api/comparisons", this::compare);
        app.post("/api/imports", this::importUploads);
        app.get("/api/imports", ctx -> ctx.json(Map.of("imports", corpora.ids())));
        app.post("/api/trainings", this::train);
        app.get("/api/trainings", ctx -> ctx.json(Map.of("trainings",
                trainings.all().stream().map(e -> trainingView(e, e.job().progress(Integer.MAX_VALUE))).toList())));
        app.get("/api/trainings/{id}", ctx -> {
            Trainings.Entry e = trainings.get(ctx.pathParam("id"));
            ctx.json(trainingView(e, e.job().progress(0)));
        });
        app.get("/api/trainings/{id}/events", this::events);
        app.delete("/api/trainings/{id}", ctx -> {
            Trainings.Entry e = trainings.get(ctx.pathParam("id"));
            e.job().stop();
            ctx.status(202).json(trainingView(e, e.job().progress(Integer.MAX_VALUE)));
        });
        app.ws("/api/jam", ws -> {
            ws.onMessage(this::jamMessage);
            ws.onClose(ctx -> endJam(ctx.sessionId()));
            ws.onError(ctx -> endJam(ctx.sessionId()));
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        app.exception(UserError.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            // the trace goes to the server's log, never to the client
            System.getLogger(StudioServer.class.getName()).log(System.Logger.Level.ERROR, ctx.method() + " " + ctx.path(), e);
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
    }

    /** Starts a server on the settings' host and port (0: a free port) and returns it running. */
    public static StudioServer start(StudioSettings settings) {
        try {
            Files.createDirectories(settings.work());
        } catch (IOException e) {
            throw new UserError("--work " + settings.work() + ": cannot create it: " + e.getMessage(), e);
        }
        StudioServer server = new StudioServer(settings);
        try {
            server.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            server.close();
            throw new UserError("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + Optional.ofNullable(e.getCause()).orElse(e).getMessage(), e);
        }
        return server;
    }

    public boolean loopbackOnly() {
        return settings.loopbackOnly();
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port() + "/";
    }

    private void compose(Context ctx) throws InterruptedException {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!type.startsWith("application/json")) {
            throw new ApiError(415, "POST /api/compose takes application/json, not '" + type + "'");
        }
        ComposeJson body;
        try {
            body = json.readValue(ctx.body(), ComposeJson.class);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not the JSON compose takes: " + e.getOriginalMessage());
        }
        if (body == null) {
            throw ApiError.badRequest("the request body is empty; send the compose settings as JSON");
        }
        refuseChordFiles(body.chords());
        Path primer = primers.file(body.primer());
        var request = body.toRequest(models.file(body.model()), primer);
        String id = idOf(request.toString());
        Future<Composition> piece;
        try {
            piece = composers.submit(() -> ComposeService.compose(request, composing));
        } catch (RejectedExecutionException e) {
            throw new ApiError(503, "the studio is busy composing " + StudioSettings.QUEUE + " pieces; try again shortly");
        }
        Composition c;
        try {
            c = piece.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UserError u && primer != null) {
                throw ApiError.badRequest(PrimerStore.hide(u.getMessage(), primer, body.primer()));
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        synchronized (compositions) {
            compositions.put(id, c);
        }
        ctx.json(CompositionView.of(id, c, PrimerStore.hide(c.description(), primer, body.primer())));
    }

    /**
     * {@code POST /api/primers}: a MIDI file (the request body) to start compositions from, as
     * {@code bebop compose --primer FILE.mid}; kept in the work folder and named by an id (201), or a 400
     * with the MIDI reader's message.
     */
    private void uploadPrimer(Context ctx) throws IOException {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!(type.startsWith("audio/mid") || type.startsWith("audio/x-midi") || type.startsWith("application/octet-stream"))) {
            throw new ApiError(415, "POST /api/primers takes the MIDI file as the request body (audio/midi or "
                    + "application/octet-stream), not '" + type + "'");
        }
        if (ctx.contentLength() > settings.maxUploadBytes()) {
            throw tooLarge();
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiError.badRequest("POST /api/primers takes the MIDI file as the request body; it was empty");
        }
        ctx.status(201).json(primers.upload(body));
    }

    /**
     * {@code POST /api/evaluations}: the model's free run measured as {@code bebop eval} measures it
     * ({@code metrics}); with {@code runs} other than 1, {@code bebop eval --runs}'s summary and runs
     * ({@code runs}); with {@code corpus}, {@code bebop eval --data}: the model scored on the corpus's split.
     */
    private void evaluate(Context ctx) throws InterruptedException {
        EvaluationJson body = jsonBody(ctx, EvaluationJson.class, "POST /api/evaluations");
        Path file = models.file(body.model());
        String model = body.model() == null ? ModelCatalog.BUNDLED : body.model();
        if (body.corpus() != null) {
            if (body.choruses() != null || body.seed() != null || body.runs() != null) {
                throw ApiError.badRequest("choruses, seed and runs are a free run's; with corpus the model is scored on "
                        + "the corpus's frames");
            }
            // an imported corpus, or a data set bebop bundles (a model of it trained by the command line)
            String data = EvaluateService.BUNDLED_DATA.contains(body.corpus()) ? body.corpus()
                    : corpora.folder(body.corpus()).toString();
            String split = body.split() == null ? "test" : body.split();
            Evaluation e = pooled(() -> EvaluateService.onData(file, data, split, Runtime.getRuntime().availableProcessors()));
            ctx.json(Map.of("model", model, "corpus", body.corpus(), "split", split, "metrics", e.metrics()));
            return;
        }
        if (body.split() != null) {
            throw ApiError.badRequest("split goes with corpus");
        }
        int choruses = body.choruses() == null ? 100 : body.choruses();
        long seed = body.seed() == null ? 1 : body.seed();
        if (body.runs() != null && body.runs() != 1) {
            EvaluationRuns runs = pooled(() -> EvaluateService.evaluateRuns(file, choruses, seed, body.runs()));
            ctx.json(Map.of("model", model, "runs", runs.json()));
            return;
        }
        Evaluation e = pooled(() -> EvaluateService.evaluate(file, choruses, seed));
        ctx.json(Map.of("model", model, "metrics", e.metrics()));
    }

    /**
     * {@code POST /api/comparisons}: {@code bebop eval --compare}: the melody model against Markov chains and
     * an Elman network trained here on its training choruses; one at a time (503 while one runs).
     */
    private void compare(Context ctx) {
        EvaluationJson body = jsonBody(ctx, EvaluationJson.class, "POST /api/comparisons");
        Path file = models.file(body.model());
        var plan = EvaluateService.comparison(file, body.elmanEpochs() == null ? 30 : body.elmanEpochs());
        if (!comparing.tryAcquire()) {
            throw new ApiError(503, "the studio is comparing another model with the baselines; try again when it is done");
        }
        try {
            EvaluateService.Compared c = EvaluateService.compare(plan, body.choruses() == null ? 100 : body.choruses(),
                    body.seed() == null ? 1 : body.seed(), List.of("studio", "POST", "/api/comparisons", ctx.body()));
            ctx.json(Map.of("rows", c.table(), "verdict", c.verdict(), "setup", c.setup()));
        } finally {
            comparing.release();
        }
    }

    /** Runs a task on the bounded pool compose uses, a 503 when its queue is full. */
    private <T> T pooled(Callable<T> task) throws InterruptedException {
        Future<T> f;
        try {
            f = composers.submit(task);
        } catch (RejectedExecutionException e) {
            throw new ApiError(503, "the studio is busy with " + StudioSettings.QUEUE + " requests; try again shortly");
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * {@code POST /api/imports}: MIDI files or zips of them as multipart parts (any field name),
     * imported as {@code bebop import} imports a folder; the report of every file comes back, with the
     * new corpus's id when at least one file was imported (201), else a 422 naming the first reason.
     */
    private void importUploads(Context ctx) throws IOException {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!type.startsWith("multipart/form-data")) {
            throw new ApiError(415, "POST /api/imports takes multipart/form-data (MIDI files or a zip), not '" + type + "'");
        }
        if (ctx.contentLength() > settings.maxUploadBytes()) {
            throw tooLarge();
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles();
        } catch (IllegalStateException e) {
            throw tooLarge();
        }
        if (files.size() > StudioSettings.MAX_FILES) {
            throw new ApiError(413, "the upload holds " + files.size() + " files; at most " + StudioSettings.MAX_FILES);
        }
        List<ImportService.Upload> uploads = new ArrayList<>();
        for (UploadedFile f : files) {
            try (var in = f.content()) {
                uploads.add(new ImportService.Upload(f.filename(), in.readAllBytes()));
            }
        }
        String id = corpora.newId();
        ImportService.Report report = ImportService.uploads(uploads, settings.maxUploadBytes(), StudioSettings.MAX_FILES,
                corpora.scratch(), corpora.target(id));
        Map<String, Object> out = new LinkedHashMap<>();
        if (!report.kept()) {
            out.put("error", report.summary());
        } else {
            out.put("id", id);
            out.put("summary", report.summary());
        }
        out.put("imported", report.imported());
        out.put("rejected", report.rejected());
        out.put("chords_recognised", Map.of("half_bars_with_harmony", report.harmonisedHalfBars(),
                "recognised", report.recognisedHalfBars()));
        out.put("files", report.files());
        ctx.status(report.kept() ? 201 : 422).json(out);
    }

    private ApiError tooLarge() {
        return new ApiError(413, "the upload is larger than " + settings.maxUploadBytes() + " bytes (--max-upload)");
    }

    /** {@code POST /api/trainings}: starts the one training this server runs at a time (202), or a 409. */
    private void train(Context ctx) {
        TrainingJson body = jsonBody(ctx, TrainingJson.class, "POST /api/trainings");
        Experiment experiment = null;
        if (body.experiment() != null) {
            experiment = switch (body.experiment()) {
                case "chords" -> Experiment.chords;
                case "melody" -> Experiment.melody;
                default -> throw ApiError.badRequest("experiment '" + body.experiment() + "': use chords or melody");
            };
        }
        Path corpus = body.corpus() == null ? null : corpora.folder(body.corpus());
        TrainingJob.Request request = new TrainingJob.Request(experiment, corpus, body.trainer(),
                body.seed() == null ? 1 : body.seed(), body.maxEpochs(), body.hidden());
        Trainings.Entry e;
        synchronized (trainings) {
            String name = body.name();
            if (name == null) {
                name = (experiment != null ? experiment.name() : body.corpus()) + "-s" + request.seed() + "-"
                        + Long.toHexString(System.currentTimeMillis());
            }
            e = trainings.start(request, name, models.newModel(name));
        }
        ctx.status(202).json(trainingView(e, e.job().progress(0)));
    }

    /**
     * {@code GET /api/trainings/{id}/events}: server-sent events, one {@code progress} event (the state,
     * epoch, share done and the curve's new points) at most five times a second until the training ends.
     */
    private void events(Context ctx) throws Exception {
        Trainings.Entry e = trainings.get(ctx.pathParam("id"));
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new ApiError(406, "GET /api/trainings/" + e.id() + "/events is a server-sent event stream: send "
                    + "'Accept: text/event-stream' (GET /api/trainings/" + e.id() + " answers JSON)");
        }
        new SseHandler(client -> stream(client, e)).handle(ctx);
    }

    private void stream(SseClient client, Trainings.Entry e) {
        int seen = 0;
        try {
            while (!client.terminated()) {
                TrainingJob.Progress p = e.job().await(seen, 1000);
                client.sendEvent("progress", trainingView(e, p));
                seen = p.from() + p.points().size();
                if (p.state().over()) {
                    break;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> trainingView(Trainings.Entry e, TrainingJob.Progress p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id());
        v.put("model", e.model());
        v.put("description", e.job().describe());
        v.put("state", p.state().name());
        v.put("epoch", p.epoch());
        v.put("maxEpochs", p.maxEpochs());
        v.put("done", p.done());
        v.put("message", p.message());
        v.put("from", p.from());
        v.put("points", p.points());
        v.put("events", "/api/trainings/" + e.id() + "/events");
        if (p.state() == TrainingJob.State.finished || p.state() == TrainingJob.State.stopped) {
            v.put("file", "/api/models/" + e.model() + "/file");
        }
        return v;
    }

    private <T> T jsonBody(Context ctx, Class<T> type, String what) {
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!contentType.startsWith("application/json")) {
            throw new ApiError(415, what + " takes application/json, not '" + contentType + "'");
        }
        T body;
        try {
            body = json.readValue(ctx.body(), type);
        } catch (JsonProcessingException x) {
            throw ApiError.badRequest("the request body is not the JSON " + what + " takes: " + x.getOriginalMessage());
        }
        if (body == null) {
            throw ApiError.badRequest("the request body is empty; send the settings as JSON");
        }
        return body;
    }

    /** Writes a kept composition in the asked format into the work folder (once) and sends it. */
    private void download(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        Matcher m = COMPOSITION_FILE.matcher(name);
        if (!m.matches()) {
            throw ApiError.notFound("composition file '" + name + "': not a name this studio gives (ID.FORMAT)");
        }
        Composition c;
        synchronized (compositions) {
            c = compositions.get(m.group(1));
        }
        if (c == null) {
            throw ApiError.notFound("composition '" + m.group(1) + "': not kept by this server; compose it again");
        }
        ScoreFormat format = c.allFormats().stream().filter(f -> f.name().equals(m.group(2))).findFirst()
                .orElseThrow(() -> ApiError.notFound("composition '" + m.group(1) + "' has no ." + m.group(2)
                        + " file; it has " + c.allFormats()));
        ScoreFiles.unavailable(format).ifPresent(why -> {
            throw new ApiError(501, "composition '" + m.group(1) + "." + format.name() + "': " + why);
        });
        Path file = render(m.group(1), c, format);
        ctx.contentType(contentType(format));
        ctx.header("Content-Disposition", "attachment; filename=\"bebop-" + name + "\"");
        ctx.result(Files.readAllBytes(file));
    }

    private Path render(String id, Composition c, ScoreFormat format) throws IOException {
        Path target = settings.work().resolve(id + "." + format.name());
        synchronized (this) {
            if (!Files.exists(target)) {
                // Written under a temporary name and moved into place, so no half-written file is ever served.
                Path tmp = Files.createTempDirectory(settings.work(), ".render-");
                try {
                    Path written = ScoreFiles.write(c.score(), tmp.resolve(id).toString(), List.of(format), c.layout(),
                            Optional.empty(), w -> {}).get(0).path();
                    Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    try (var left = Files.list(tmp)) {
                        for (Path p : left.toList()) {
                            Files.delete(p);
                        }
                    }
                    Files.delete(tmp);
                }
            }
        }
        return target;
    }

    private static String contentType(ScoreFormat f) {
        return switch (f) {
            case mid -> "audio/midi";
            case wav -> "audio/wav";
            case png -> "image/png";
            case musicxml -> "application/vnd.recordare.musicxml+xml";
            case ly -> "text/x-lilypond; charset=utf-8";
            case pdf -> "application/pdf";
        };
    }

    /**
     * A message on {@code /api/jam}: start a jam (one per socket), a note of the player, or stop. Every
     * refusal is answered {@code {"type": "error", "error": "..."}}; a start beyond the jams the studio
     * plays at once closes the socket with 1013 (try again later) and the reason.
     */
    private void jamMessage(WsMessageContext ctx) {
        String id = ctx.sessionId();
        try {
            JamJson m;
            try {
                m = json.readValue(ctx.message(), JamJson.class);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("not a jam message: " + e.getOriginalMessage());
            }
            if (m == null || m.type() == null) {
                throw ApiError.badRequest("a jam message needs a \"type\": start, note or stop");
            }
            switch (m.type()) {
                case "start" -> startJam(ctx, m);
                case "note" -> {
                    RemoteJam jam = jams.get(id);
                    if (jam == null) {
                        throw ApiError.badRequest("no jam is playing on this connection; send {\"type\": \"start\"} first");
                    }
                    if (m.on() == null || m.pitch() == null) {
                        throw ApiError.badRequest("a note message needs \"on\" (true or false) and \"pitch\" (0-127)");
                    }
                    jam.play(m.on(), m.pitch(), m.velocity() == null ? 100 : m.velocity());
                }
                case "stop" -> {
                    endJam(id);
                    ctx.send(Map.of("type", "stopped"));
                }
                default -> throw ApiError.badRequest("unknown jam message type '" + m.type() + "': start, note or stop");
            }
        } catch (ApiError | UserError e) {
            ctx.send(Map.of("type", "error", "error", e.getMessage()));
        } catch (RuntimeException e) {
            System.getLogger(StudioServer.class.getName()).log(System.Logger.Level.ERROR, "jam message", e);
            ctx.send(Map.of("type", "error", "error", "internal error: " + e.getClass().getSimpleName()));
        }
    }

    private void startJam(WsContext ctx, JamJson m) {
        if (jams.containsKey(ctx.sessionId())) {
            throw ApiError.badRequest("a jam is already playing on this connection; stop it first");
        }
        refuseChordFiles(m.chords());
        JamSettings jamSettings = m.settings();
        String chords = m.chords() == null || m.chords().isBlank() ? null : m.chords();
        JamSetup setup = JamSetup.of(models.file(m.model()), chords, null);
        if (!jamSlots.tryAcquire()) {
            ctx.closeSession(1013, "the studio is playing " + StudioSettings.JAMS + " jams already; try again later");
            return;
        }
        RemoteJam jam;
        try {
            int stepsPerBar = setup.progression().meter().numerator() * setup.model().stepsPerQuarter();
            ctx.send(Map.of("type", "started", "stepsPerBar", stepsPerBar,
                    "stepSeconds", 60.0 / jamSettings.tempo() / setup.model().stepsPerQuarter(),
                    "countInSteps", (long) jamSettings.countInBars() * stepsPerBar,
                    "bars", setup.progression().bars().size(),
                    "chords", setup.progression().bars().stream().map(b -> b.text()).toList(),
                    "melodyLow", setup.model().melodyLow(), "melodyHigh", setup.model().melodyHigh(),
                    "model", setup.model().description()));
            jam = RemoteJam.start(setup, jamSettings, e -> ctx.send(e instanceof RemoteJam.Note n
                    ? Map.of("type", "note", "part", n.part(), "on", n.on(), "pitch", n.pitch(), "velocity", n.velocity(), "step", n.step())
                    : e instanceof RemoteJam.Step st ? Map.of("type", "step", "step", st.step(), "bar", st.bar(), "role", st.role())
                    : e));
        } catch (RuntimeException e) {
            jamSlots.release();
            throw e;
        }
        jams.put(ctx.sessionId(), jam);
        if (!ctx.session.isOpen()) {
            endJam(ctx.sessionId()); // the socket closed while the jam was starting: its close found no jam to end
        }
    }

    private void endJam(String sessionId) {
        RemoteJam jam = jams.remove(sessionId);
        if (jam != null) {
            try {
                jam.close();
            } finally {
                jamSlots.release();
            }
        }
    }

    /** The same settings give the same id, so a download link names the music, not the request's moment. */
    private static String idOf(String settings) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Chords from a request are symbols, never "@FILE": on the command line that reads a chart from a
     * file, over HTTP it would read the server's files and echo them in errors.
     */
    private static void refuseChordFiles(String chords) {
        if (chords != null && chords.strip().startsWith("@")) {
            throw ApiError.badRequest("chords: '@FILE' names a file on the server; send the chord symbols themselves");
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    @Override
    public void close() {
        for (String id : List.copyOf(jams.keySet())) {
            endJam(id);
        }
        trainings.close();
        app.stop();
        composers.shutdownNow();
    }
}
