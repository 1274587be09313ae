package dev.bazaar.app.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker of a test's own, started and stopped by the project's scripts
 * ({@code start_kafka}/{@code stop_kafka} in infra/app/scripts/services.sh), so that the test can take it away.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path dir;

    private final int port;

    private final int controllerPort;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    static KafkaBroker start() throws IOException, InterruptedException {
        var broker = new KafkaBroker(Files.createTempDirectory("bazaar-kafka"), AppProcess.freePort(),
                AppProcess.freePort());
        broker.startAgain();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void startAgain() throws IOException, InterruptedException {
        script("start_kafka '" + dir + "' " + port + " " + controllerPort);
    }

    void stop() throws IOException, InterruptedException {
        script("stop_kafka '" + dir + "'");
    }

    private void script(String call) throws IOException, InterruptedException {
        Path log = dir.resolve("script.log");
        var process = new ProcessBuilder("bash", "-c", "source scripts/services.sh && " + call)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(call + " failed: " + Files.readString(log));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

}
