package org.gongshi.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ServerProcessTest {

    @Test
    void the_two_ports_a_server_is_given_differ() throws Exception {
        for (int i = 0; i < 200; i++) {
            int[] ports = ServerProcess.freePorts();
            assertThat(ports[0]).isNotEqualTo(ports[1]).isPositive();
            assertThat(ports[1]).isPositive();
        }
    }

    /**
     * A server that cannot start (its HTTP port taken) exits with status 1: a thread started before the failure once kept it
     * alive, answering on the embedded MongoDB's port only, and the harness waited ten minutes for its health.
     */
    @Test
    void a_server_that_cannot_start_exits(@TempDir Path data) throws Exception {
        Path jar = Path.of("../ledger-server/target/ledger-server.jar");
        assertThat(jar).as("the reactor packages ledger-server before ledger-bench").isRegularFile();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int[] ports = ServerProcess.freePorts();
            Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--gongshi.data-dir=" + data, "--server.address=127.0.0.1",
                    "--server.port=" + taken.getLocalPort(), "--gongshi.embedded.mongo-port=" + ports[1], "--gongshi.traffic.enabled=false")
                    .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
            try {
                assertThat(server.waitFor(5, TimeUnit.MINUTES)).as("exited").isTrue();
                assertThat(server.exitValue()).isEqualTo(1);
                assertThat(Files.readString(data.resolve("server.log"))).contains("already in use");
            } finally {
                server.destroyForcibly();
            }
        }
    }

    /** The live heap is read from {@code jcmd GC.heap_info}, which each collector words its own way. */
    @Test
    void the_heap_in_use_is_read_from_what_each_collector_reports() {
        assertThat(ServerProcess.usedHeapMiB("""
                 garbage-first heap   total 503808K, used 157123K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 33 young (135168K), 1 survivors (4096K)
                 Metaspace       used 32995K, committed 33472K, reserved 1114112K
                  class space    used 3500K, committed 3712K, reserved 1048576K
                """)).isEqualTo(153);
        assertThat(ServerProcess.usedHeapMiB("""
                 Shenandoah Heap
                  6028M max, 6028M soft max, 5036M committed, 2974M used
                  3014 x 2048K regions
                 Metaspace       used 32995K, committed 33472K, reserved 1114112K
                """)).isEqualTo(2974);
        assertThat(ServerProcess.usedHeapMiB("""
                 Shenandoah Heap
                  6028M max, 6028M soft max, 512M committed, 301568K used
                """)).isEqualTo(294);
        assertThat(ServerProcess.usedHeapMiB(" ZHeap           used 148M, capacity 512M, max capacity 6028M\n")).isEqualTo(148);
        assertThat(ServerProcess.usedHeapMiB("28531:\nCould not attach\n")).isEqualTo(-1);
    }

    @Test
    void of_a_thread_dump_the_threads_waiting_in_the_ledgers_parts_are_named_with_those_frames() {
        String dump = """
                2026-12-01 05:00:00
                Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6 mixed mode, sharing):

                "boundedElastic-3" #61 daemon prio=5 os_prio=0 cpu=812.11ms elapsed=40.51s tid=0x1 nid=0x2 waiting on condition  [0x3]
                   java.lang.Thread.State: WAITING (parking)
                	at jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
                	- parking to wait for  <0x00000000c1b2a3d0> (a java.util.concurrent.FutureTask)
                	at java.util.concurrent.FutureTask.get(java.base@17.0.15/FutureTask.java:191)
                	at org.h2.util.Utils.flushExecutor(Utils.java:781)
                	at org.h2.mvstore.FileStore.executeFileStoreOperation(FileStore.java:1910)
                	at org.gongshi.server.embedded.CommitOrderedEventStorageEngine.makeDurable(CommitOrderedEventStorageEngine.java:150)

                "reactor-http-epoll-1" #40 daemon prio=5 os_prio=0 cpu=100.00ms elapsed=40.00s tid=0x4 nid=0x5 runnable  [0x6]
                   java.lang.Thread.State: RUNNABLE
                	at io.netty.channel.epoll.Native.epollWait(Native Method)

                "pool-1-thread-1" #20 prio=5 os_prio=0 cpu=1.00ms elapsed=40.00s tid=0x7 nid=0x8 waiting on condition  [0x9]
                   java.lang.Thread.State: WAITING (parking)
                	at jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
                	at java.util.concurrent.ThreadPoolExecutor.getTask(java.base@17.0.15/ThreadPoolExecutor.java:1062)
                """;
        String waiting = ServerProcess.waiting(dump);
        assertThat(waiting).startsWith("\"boundedElastic-3\"").contains("WAITING (parking)")
                .contains("at org.h2.mvstore.FileStore.executeFileStoreOperation")
                .contains("at org.gongshi.server.embedded.CommitOrderedEventStorageEngine.makeDurable")
                .contains("- parking to wait for")
                .doesNotContain("reactor-http-epoll-1") // running
                .doesNotContain("pool-1-thread-1"); // idle, none of the ledger's frames
    }
}
