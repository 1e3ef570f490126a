package org.gongshi.server;

import org.gongshi.server.roles.RoleCondition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the distributed profile on
 * paper: every ledger service runs that profile with a known role, the roles cover the ledger, and
 * every variable the profile reads is set and points at the services the file defines.
 */
class DockerComposeConfigurationTest {

    static Map<String, Map<String, Object>> services;
    static String distributedProperties;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Path compose = Path.of("..", "docker-compose.yml");
        Map<String, Object> root = new Yaml().load(Files.readString(compose));
        services = (Map<String, Map<String, Object>>) root.get("services");
        try (InputStream in = DockerComposeConfigurationTest.class.getResourceAsStream("/application-distributed.properties")) {
            distributedProperties = new String(in.readAllBytes());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> env(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    static List<String> ledgerServices() {
        return services.keySet().stream().filter(s -> s.startsWith("ledger-")).toList();
    }

    @Test
    void every_ledger_service_runs_the_distributed_profile_with_known_roles_covering_the_ledger() {
        assertThat(ledgerServices()).isNotEmpty();
        Set<String> covered = new HashSet<>();
        for (String service : ledgerServices()) {
            assertThat(env(service).get("SPRING_PROFILES_ACTIVE")).as(service).isEqualTo("distributed");
            covered.addAll(RoleCondition.roles((String) env(service).get("GONGSHI_ROLES")));
            assertThat(services.get(service).get("command").toString()).contains("ledger-server.jar");
        }
        assertThat(covered).containsExactlyInAnyOrder("command", "projections", "api");
    }

    @Test
    void every_variable_the_distributed_profile_reads_is_set_for_each_ledger_service() {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)").matcher(distributedProperties);
        Set<String> variables = new HashSet<>();
        while (m.find()) variables.add(m.group(1));
        assertThat(variables).contains("AXONSERVER_SERVERS", "MONGODB_URI", "GONGSHI_JWT_SECRET", "GONGSHI_FEED_SIGNER_KEY", "GONGSHI_LEDGER_SIGNER_KEY");
        // the signers' private keys go to the node that signs, the projections one, and to no other (a review, stop 77)
        Set<String> signing = Set.of("GONGSHI_FEED_SIGNER_KEY", "GONGSHI_LEDGER_SIGNER_KEY");
        for (String service : ledgerServices()) {
            boolean signs = RoleCondition.roles((String) env(service).get("GONGSHI_ROLES")).contains("projections");
            for (String variable : variables) {
                if (signing.contains(variable) && !signs) assertThat(env(service)).as(service).doesNotContainKey(variable);
                else assertThat(env(service)).as(service).containsKey(variable);
            }
        }
        // Axon Server and MongoDB come back after a restart of the host, as the ledger nodes do
        for (String store : List.of("axonserver", "mongodb")) assertThat(services.get(store).get("restart")).as(store).isEqualTo("unless-stopped");
    }

    /**
     * A case names its bureau's registered name (DOMAIN.md, public fields) and the distributed profile
     * has no stand-in for an unregistered bureau: every ledger service reads the registration file,
     * and it registers bureaus under valid codes.
     */
    @Test
    void every_ledger_service_reads_the_bureaus_registration_and_it_registers_valid_codes() throws IOException {
        for (String service : ledgerServices()) {
            assertThat(services.get(service).get("volumes").toString()).as(service)
                    .contains("./deploy/bureaus.properties:/app/config/application.properties:ro");
            assertThat(services.get(service).get("working_dir")).as(service).isEqualTo("/app");
        }
        java.util.Properties registration = new java.util.Properties();
        try (var reader = Files.newBufferedReader(Path.of("..", "deploy", "bureaus.properties"))) {
            registration.load(reader);
        }
        assertThat(registration.stringPropertyNames()).isNotEmpty().allSatisfy(key -> {
            assertThat(key).startsWith("gongshi.bureaus.registered.");
            assertThat(org.gongshi.ledger.identity.Uscc.problem(key.substring("gongshi.bureaus.registered.".length()))).as(key).isEmpty();
        });
        assertThat(distributedProperties).doesNotContain("gongshi.bureaus.unregistered-name");
    }

    @Test
    void ledger_services_point_at_axon_server_and_the_mongodb_replica_set_defined_here() {
        assertThat(services).containsKeys("axonserver", "mongodb");
        assertThat(services.get("mongodb").get("command").toString()).contains("--replSet", "rs0");
        assertThat(services.get("axonserver").get("ports").toString()).contains("8124");
        for (String service : ledgerServices()) {
            assertThat((String) env(service).get("AXONSERVER_SERVERS")).isEqualTo("axonserver:8124");
            assertThat((String) env(service).get("MONGODB_URI")).contains("@mongodb:27017/").contains("replicaSet=rs0");
        }
    }

    /**
     * The ledger starts once Axon Server's container runs and its connector reconnects until Axon Server answers, so nothing
     * waits on a health check of Axon Server, and no health check relies on a tool an image need not have (curl, wget).
     * (This file said Axon Server's images were distroless; since 2023.1 they are Eclipse Temurin's, with a shell: a
     * deployer's sweep, stop 80.) Axon Server's log volume is named, so it outlives {@code docker compose down} as its data does.
     */
    @Test
    @SuppressWarnings("unchecked")
    void nothing_waits_on_a_health_check_of_axon_server_and_its_volumes_are_named() {
        assertThat(services.get("axonserver").get("volumes").toString()).contains("axonserver-data:/axonserver/data",
                "axonserver-events:/axonserver/events", "axonserver-log:/axonserver/log");
        assertThat(services.get("axonserver")).doesNotContainKey("healthcheck");
        for (String service : ledgerServices()) {
            Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) services.get(service).get("depends_on");
            assertThat(dependsOn.get("axonserver").get("condition")).as(service).isEqualTo("service_started");
        }
        for (var entry : services.entrySet()) {
            Object check = entry.getValue().get("healthcheck");
            if (check == null) continue;
            String test = ((Map<String, Object>) check).get("test").toString();
            assertThat(test).as(entry.getKey() + " health check").doesNotContain("curl").doesNotContain("wget");
        }
    }

    /**
     * {@code docker compose up --scale ledger-api=3} (the file's header) needs the API replicas off
     * fixed host ports: only the proxy publishes 8080, and its config, in this repository, sends to
     * the ledger-api service name, which Docker resolves to every replica.
     */
    @Test
    @SuppressWarnings("unchecked")
    void ledger_api_scales_behind_a_proxy_that_alone_holds_host_port_8080() throws IOException {
        for (String service : ledgerServices()) {
            assertThat(services.get(service)).as(service + " publishes no host port").doesNotContainKey("ports");
        }
        Map<String, Object> proxy = services.get("proxy");
        assertThat((List<Object>) proxy.get("ports")).extracting(Object::toString).containsExactly("8080:8080");
        String mount = ((List<String>) proxy.get("volumes")).get(0);
        Path config = Path.of("..", mount.substring(0, mount.indexOf(':')));
        String nginx = Files.readString(config);
        assertThat(nginx).contains("listen 8080", "resolver 127.0.0.11", "ledger-api:8080", "proxy_buffering off");
        // behind the proxy every client comes from its address: the nodes key the public limits on the client's address the proxy
        // gives (its own $remote_addr, never appended to what a client sent), and the proxy caps each client's connections and slow
        // requests, which the nodes cannot (a re-test, stop 73: the nodes' cap of 256 connections per address capped every client)
        assertThat(nginx).contains("proxy_set_header X-Forwarded-For $remote_addr;", "limit_conn perclient 256;",
                "client_header_timeout 20s;", "client_body_timeout 20s;").doesNotContain("$proxy_add_x_forwarded_for");
        // and no other header a client sent about where it came from reaches them (a review, stop 77: Forwarded: for=... is read
        // before X-Forwarded-For, and got past every per-client limit)
        assertThat(nginx).contains("proxy_set_header Forwarded \"\";", "proxy_set_header X-Forwarded-Host \"\";",
                "proxy_set_header X-Forwarded-Port \"\";", "proxy_set_header X-Forwarded-Prefix \"\";");
        assertThat(distributedProperties).contains("gongshi.signing.generate-keys=false");
        assertThat(distributedProperties).contains("server.forward-headers-strategy=framework", "gongshi.traffic.connections-per-client=0");
        long published = services.values().stream().filter(s -> s.get("ports") != null)
                .flatMap(s -> ((List<Object>) s.get("ports")).stream()).map(Object::toString).filter(p -> p.startsWith("8080:")).count();
        assertThat(published).as("services publishing host port 8080").isEqualTo(1);
    }

    /**
     * An operator's sweep, stop 74: no ledger node had a health check, so a replica that was up but not ready kept its
     * traffic, and the proxy (one worker of 4,096 connections, two a proxied stream) stopped near 2,000 feed subscribers
     * where the nodes allow 10,000. Every node probes its readiness (with bash, the image need not have curl), the proxy waits
     * for the API's, and its workers hold two connections for each stream the nodes allow.
     */
    @Test
    @SuppressWarnings("unchecked")
    void every_ledger_node_checks_its_readiness_and_the_proxy_carries_every_stream_the_nodes_allow() throws IOException {
        for (String service : ledgerServices()) {
            Map<String, Object> check = (Map<String, Object>) services.get(service).get("healthcheck");
            assertThat(check).as(service).isNotNull();
            assertThat(check.get("test").toString()).as(service).contains("bash", "/dev/tcp/127.0.0.1/8080", "/actuator/health/readiness",
                    "\"status\":\"(UP|DEGRADED)\""); // a node holding dead letters still serves (a review, stop 77)
        }
        Map<String, Map<String, Object>> proxyWaits = (Map<String, Map<String, Object>>) services.get("proxy").get("depends_on");
        assertThat(proxyWaits.get("ledger-api").get("condition")).isEqualTo("service_healthy");
        String nginx = Files.readString(Path.of("..", "deploy", "nginx.conf"));
        int workers = Integer.parseInt(find(nginx, "worker_processes (\\d+);"));
        int connections = Integer.parseInt(find(nginx, "worker_connections (\\d+);"));
        int streams = Integer.parseInt(find(Files.readString(Path.of("..", "disclosure-api", "src", "main", "java", "org", "gongshi", "api",
                "ApiConfiguration.java")), "streams-total:(\\d+)"));
        assertThat((long) workers * connections).as("connections for every stream allowed, two each").isGreaterThanOrEqualTo(2L * streams);
        assertThat(Integer.parseInt(find(nginx, "worker_rlimit_nofile (\\d+);"))).isGreaterThanOrEqualTo(connections * 2);
    }

    private static String find(String text, String pattern) {
        var matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }

    /** A required secret: {@code ${NAME:?message}}, so compose refuses to start without it and no default exists. */
    static final Pattern REQUIRED_SECRET = Pattern.compile("^\\$\\{([A-Z_]+):\\?[^}]+}$");

    static String value(String service, String key) {
        Object v = env(service).get(key);
        assertThat(v).as(service + " " + key).isNotNull();
        return v.toString();
    }

    @Test
    void axon_server_requires_its_access_control_token_from_the_environment_and_every_ledger_service_sends_it() {
        assertThat(value("axonserver", "AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED")).isEqualTo("true");
        String token = value("axonserver", "AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN");
        assertThat(token).matches(REQUIRED_SECRET);
        assertThat(value("axonserver", "AXONIQ_AXONSERVER_ACCESSCONTROL_ADMINTOKEN")).matches(REQUIRED_SECRET).isNotEqualTo(token);
        assertThat(distributedProperties).contains("axon.axonserver.token=${AXONSERVER_TOKEN");
        for (String service : ledgerServices()) {
            assertThat(value(service, "AXONSERVER_TOKEN")).as(service).isEqualTo(token);
        }
        // no health check on Axon Server (see nothing_waits_on_a_health_check_of_axon_server_and_its_volumes_are_named)
    }

    @Test
    void mongodb_requires_authentication_with_secrets_from_the_environment_and_every_ledger_service_authenticates() {
        Map<String, Object> mongo = services.get("mongodb");
        assertThat(value("mongodb", "MONGO_INITDB_ROOT_PASSWORD")).matches(REQUIRED_SECRET);
        assertThat(value("mongodb", "GONGSHI_MONGO_REPLICA_KEY")).matches(REQUIRED_SECRET);
        assertThat(value("mongodb", "MONGO_INITDB_ROOT_USERNAME")).isNotBlank();
        assertThat(mongo.get("command").toString()).contains("--auth", "--keyFile", "--replSet");
        assertThat(mongo.get("entrypoint").toString()).contains("GONGSHI_MONGO_REPLICA_KEY", "chmod 400");
        assertThat(mongo.get("healthcheck").toString()).contains("MONGO_INITDB_ROOT_PASSWORD", "--authenticationDatabase admin");
        String password = value("mongodb", "MONGO_INITDB_ROOT_PASSWORD");
        for (String service : ledgerServices()) {
            String uri = value(service, "MONGODB_URI");
            assertThat(uri).as(service).startsWith("mongodb://${GONGSHI_MONGO_USER:-gongshi}:" + password + "@mongodb:27017/")
                    .contains("authSource=admin");
        }
    }

    @Test
    void no_secret_has_a_default_or_a_literal_value() {
        for (String service : services.keySet()) {
            Map<String, Object> environment = env(service);
            if (environment == null) continue;
            environment.forEach((key, v) -> {
                if (key.matches(".*(SECRET|TOKEN|PASSWORD|KEY).*") && !key.equals("GONGSHI_FEED_ORIGIN")) {
                    assertThat(v.toString()).as(service + " " + key).matches(REQUIRED_SECRET);
                }
            });
        }
    }

    /**
     * A deployer's sweep, stop 80: the logs' origins defaulted to the example's (gongshi.example/feed), which every signed head
     * names for good; no service had a memory limit, so each JVM sized its heap by the host's memory beside mongod's cache.
     */
    @Test
    void the_logs_origins_are_required_and_every_service_has_a_memory_limit_its_heap_and_cache_keep_within() {
        for (String service : ledgerServices()) {
            assertThat(value(service, "GONGSHI_FEED_ORIGIN")).as(service).matches(REQUIRED_SECRET);
            assertThat(value(service, "GONGSHI_LEDGER_ORIGIN")).as(service).matches(REQUIRED_SECRET);
            assertThat(services.get(service).get("command").toString()).as(service).contains("-XX:MaxRAMPercentage=");
        }
        for (var service : services.entrySet()) assertThat(service.getValue()).as(service.getKey()).containsKey("mem_limit");
        assertThat(services.get("mongodb").get("command").toString()).contains("--wiredTigerCacheSizeGB");
    }

    /**
     * A deployer's sweep, stop 80: behind the proxy, a request line or headers longer than nginx's 8 KB, and a body over its
     * limit, were answered in nginx's HTML, where the nodes answer a problem naming what to fix.
     */
    @Test
    void the_proxy_lets_through_what_the_nodes_bound_and_answers_what_it_refuses_as_a_problem() throws IOException {
        String proxy = Files.readString(Path.of("..", "deploy", "nginx.conf"));
        assertThat(find(proxy, "large_client_header_buffers\\s+\\d+\\s+(\\d+)k;")).satisfies(k -> assertThat(Integer.parseInt(k)).isGreaterThanOrEqualTo(16));
        for (String status : List.of("400", "413", "414", "494", "502", "503")) assertThat(proxy).contains("error_page " + status + " ");
        // six answers of the proxy's own, each a problem with the headers the nodes' answers carry (a security re-test, stop 80)
        assertThat(proxy.split("default_type application/problem\\+json;", -1)).hasSize(7);
        assertThat(proxy.split("add_header X-Content-Type-Options \"nosniff\" always;", -1)).hasSize(7);
        assertThat(proxy).contains("server_tokens off;", "proxy_set_header X-Forwarded-Ssl \"\";");
    }

    @Test
    void axon_server_and_mongodb_are_published_on_the_host_loopback_only() {
        for (String service : List.of("axonserver", "mongodb")) {
            @SuppressWarnings("unchecked")
            List<Object> ports = (List<Object>) services.get(service).get("ports");
            if (ports == null) continue;
            assertThat(ports).as(service).allSatisfy(p -> assertThat(p.toString()).startsWith("127.0.0.1:"));
        }
    }
}
