package bebop.cli;

import bebop.studio.StudioServer;
import bebop.studio.StudioSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop studio}: compose, listen, download, import, train and evaluate in the browser, served by bebop itself. */
@Command(name = "studio", sortOptions = false,
        header = "A local web page to compose, hear, see and download blues, and to train and evaluate models.",
        description = "Starts bebop's web server and prints the page's address. It listens on 127.0.0.1 (this computer "
                + "only) unless --host says otherwise. Stop it with Ctrl-C.")
final class StudioCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this computer only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}; 0: a free port.")
    int port;

    @Option(names = "--models", paramLabel = "DIR", description = "A folder of .bebop models to offer beside the bundled one.")
    Path models;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "studio-work",
            description = "The folder the studio writes its files into (and nowhere else). Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--max-upload", paramLabel = "BYTES", defaultValue = "20000000",
            description = "Largest request body accepted. Default: ${DEFAULT-VALUE}.")
    long maxUpload;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        StudioServer server = StudioServer.start(new StudioSettings(host, port, models, work, maxUpload));
        PrintWriter out = spec.commandLine().getOut();
        out.println("bebop studio: " + server.url());
        out.println(server.loopbackOnly()
                ? "listening on " + host + " only: other computers cannot reach it (--host 0.0.0.0 lets them)"
                : "listening on " + host + ": other computers on the network can reach it");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
        return 0;
    }
}
