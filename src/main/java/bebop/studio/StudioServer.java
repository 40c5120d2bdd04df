package bebop.studio;

import bebop.UserError;
import bebop.app.ComposeService;
import bebop.app.Composition;
import bebop.app.ScoreFiles;
import bebop.app.ScoreFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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

    private StudioServer(StudioSettings settings) {
        this.settings = settings;
        this.models = new ModelCatalog(settings.models(), settings.work().resolve("models"));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxUploadBytes();
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/studio";
                s.location = Location.CLASSPATH;
            });
        });
        app.get("/api/models", ctx -> ctx.json(Map.of("models", models.ids().stream().map(models::describe).toList())));
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
        app.post("/api/compose", this::compose);
        app.get("/api/compositions/{file}", this::download);
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        app.exception(UserError.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e.getClass().getSimpleName()));
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
        var request = body.toRequest(models.file(body.model()));
        String id = idOf(request.toString());
        Future<Composition> piece;
        try {
            piece = composers.submit(() -> ComposeService.compose(request));
        } catch (RejectedExecutionException e) {
            throw new ApiError(503, "the studio is busy composing " + StudioSettings.QUEUE + " pieces; try again shortly");
        }
        Composition c;
        try {
            c = piece.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        synchronized (compositions) {
            compositions.put(id, c);
        }
        ctx.json(CompositionView.of(id, c));
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
        ScoreFormat format = c.formats().stream().filter(f -> f.name().equals(m.group(2))).findFirst()
                .orElseThrow(() -> ApiError.notFound("composition '" + m.group(1) + "' has no ." + m.group(2)
                        + " file; it has " + c.formats()));
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
                    Path written = ScoreFiles.write(c.score(), tmp.resolve(id).toString(), List.of(format), false,
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

    /** The same settings give the same id, so a download link names the music, not the request's moment. */
    private static String idOf(String settings) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    @Override
    public void close() {
        app.stop();
        composers.shutdownNow();
    }
}
