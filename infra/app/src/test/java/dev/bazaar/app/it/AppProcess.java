package dev.bazaar.app.it;

import dev.bazaar.app.BazaarApplication;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The application as a process of its own, started from the tests' class path, so that a test can SIGKILL it. */
final class AppProcess implements AutoCloseable {

    private final Process process;

    private final int port;

    private final File log;

    private AppProcess(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppProcess start(String name, List<String> arguments) throws IOException {
        int port = freePort();
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), BazaarApplication.class.getName()));
        command.addAll(arguments);
        command.add("--server.port=" + port);
        File log = Files.createTempFile("bazaar-" + name, ".log").toFile();
        return new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start(), port,
                log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    AppProcess awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the process exited with " + process.exitValue() + "; log: " + log);
            }
            if (answers(port, "/actuator/health/readiness")) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the process was not ready within 120 s; log: " + log);
    }

    /** SIGKILL: no shutdown hook, no claim released, a batch cut off. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    static boolean answers(int port, String path) {
        try {
            var connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

}
