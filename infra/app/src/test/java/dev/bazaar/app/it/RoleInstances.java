package dev.bazaar.app.it;

import dev.bazaar.app.BazaarApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bazaar's roles on one database for {@link RolesIT}: two command applications, two query ones and a projector in
 * this JVM, a second projector as a process of its own, and nginx in front of them with infra/app/scripts'
 * configuration, rendered as {@code ./bazaar run --scale} renders it. query-1 reads from the streaming standby;
 * query-2's standby is down (its url names a port nothing listens on).
 */
final class RoleInstances implements AutoCloseable {

    private static final List<String> TRACKING_PROCESSORS = List.of("category-read-model", "ledger", "listing-cache",
            "listing-read-model", "listing-search", "order-read-model", "organisation-read-model", "user-profile",
            "order-payments");

    private final Map<String, ConfigurableApplicationContext> applications = new LinkedHashMap<>();

    private final List<String> arguments;

    private AppProcess projectorProcess;

    private Process nginx;

    private int nginxPort;

    private Path nginxDir;

    private RoleInstances(List<String> arguments) {
        this.arguments = arguments;
    }

    static RoleInstances start(String database, String replica, String stripe, String webhookSecret)
            throws Exception {
        var instances = new RoleInstances(arguments("roles", database, stripe, webhookSecret));
        try {
            instances.startApplication("command-1", "command"); // applies the migrations, bootstraps the admin
            instances.startProjectorProcess();
            instances.startApplication("command-2", "command");
            instances.startApplication("query-1", "query", "--bazaar.read-replica.url=" + replica);
            instances.startApplication("query-2", "query", "--bazaar.read-replica.url=jdbc:postgresql://127.0.0.1:"
                    + AppProcess.freePort() + "/bazaar");
            instances.startApplication("projector-1", "projector");
            instances.awaitProjectorProcess();
            instances.startNginx();
            return instances;
        } catch (Exception | AssertionError e) {
            instances.close();
            throw e;
        }
    }

    int port(String instance) {
        if (instance.equals("projector-2")) {
            return projectorProcess.port();
        }
        return ((WebServerApplicationContext) applications.get(instance)).getWebServer().getPort();
    }

    int nginxPort() {
        return nginxPort;
    }

    /** The name the projector process's claims carry in token_entry (its pid, then a part of its own). */
    String projectorProcessOwner() {
        return projectorProcess.pid() + "@";
    }

    void killProjectorProcess() throws InterruptedException {
        projectorProcess.kill();
    }

    private void startApplication(String name, String role, String... more) {
        var args = new ArrayList<>(arguments);
        args.addAll(List.of(more));
        args.add("--server.port=0");
        args.add("--bazaar.role=" + role);
        applications.put(name, new SpringApplicationBuilder(BazaarApplication.class).run(args.toArray(String[]::new)));
    }

    private void startProjectorProcess() throws IOException {
        var args = new ArrayList<>(arguments);
        args.add("--bazaar.role=projector");
        projectorProcess = AppProcess.start("projector-2", args);
    }

    private void awaitProjectorProcess() throws InterruptedException {
        projectorProcess.awaitReady();
    }

    private void startNginx() throws IOException, InterruptedException {
        nginxPort = AppProcess.freePort();
        nginxDir = Files.createTempDirectory("bazaar-nginx");
        Files.createDirectories(nginxDir.resolve("nginx-temp"));
        String conf = Files.readString(Path.of("scripts", "nginx.conf.template"))
                .replace("@RUN@", nginxDir.toString())
                .replace("@PORT@", Integer.toString(nginxPort))
                .replace("@DAEMON@", "off")
                .replace("@COMMAND_SERVERS@", servers(port("command-1"), port("command-2")))
                .replace("@PROJECTOR_SERVERS@", servers(port("projector-1"), projectorProcess.port()))
                .replace("@QUERY_SERVERS@", servers(port("query-1"), port("query-2")));
        Path file = nginxDir.resolve("nginx.conf");
        Files.writeString(file, conf);
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        nginx = new ProcessBuilder(binary, "-c", file.toString(), "-p", nginxDir.toString())
                .redirectErrorStream(true).redirectOutput(nginxDir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!AppProcess.answers(nginxPort, "/actuator/health/liveness")) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("nginx did not start: " + Files.readString(nginxDir.resolve("nginx.out")));
            }
            Thread.sleep(100);
        }
    }

    private static String servers(int... ports) {
        var lines = new StringBuilder();
        for (int port : ports) {
            lines.append("        server 127.0.0.1:").append(port).append(" max_fails=1 fail_timeout=2s;\n");
        }
        return lines.toString().stripTrailing();
    }

    /** What every instance of a test deployment {@code name} is started with: its own index and cache prefix. */
    static List<String> arguments(String name, String database, String stripe, String webhookSecret) {
        String index = System.getenv().getOrDefault("BAZAAR_SEARCH_INDEX", "test-listings");
        var args = new ArrayList<>(List.of("--spring.datasource.url=" + database,
                "--bazaar.search.index=" + index.replace("listings", name + "-listings"),
                "--bazaar.cache.prefix=" + System.getenv().getOrDefault("BAZAAR_CACHE_PREFIX", "test:") + name + ":",
                "--bazaar.payments.stripe.local-api-base=" + stripe,
                "--bazaar.payments.stripe.webhook-secret=" + webhookSecret,
                "--bazaar.payments.stripe.read-timeout-ms=2000",
                "--db-scheduler.polling-interval=PT1S",
                "--bazaar.processors.balance.interval=PT1S",
                "--bazaar.processors.balance.dead-after=PT3S",
                "--bazaar.read-replica.probe-interval=PT0.2S",
                "--bazaar.read-replica.max-lag=PT1S",
                "--spring.main.banner-mode=off"));
        // an idle thread looks for an unclaimed segment every half second (Axon: five), so that a released or
        // expired segment is taken over without a long wait
        TRACKING_PROCESSORS.forEach(processor ->
                args.add("--axon.eventhandling.processors." + processor + ".token-claim-interval=500"));
        return args;
    }

    @Override
    public void close() {
        if (nginx != null) {
            nginx.destroy();
        }
        if (projectorProcess != null) {
            projectorProcess.close();
        }
        var names = new ArrayList<>(applications.keySet());
        Collections.reverse(names);
        names.forEach(name -> applications.get(name).close());
    }

}
