package org.gongshi.server.health;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.gongshi.api.problem.LedgerNotServing;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.util.unit.DataSize;

import java.io.File;
import java.util.List;
import java.util.function.BiFunction;

/**
 * No bureau's command while the embedded default's data directory has less free space than health's disk-space check asks
 * ({@code management.health.diskspace.threshold}, 10 MB by default): 503 naming the directory, its free space and what to do,
 * nothing recorded. Taken on, such commands ran the disk full: a few were answered 500, then the read-model store could no
 * longer write and the node stopped itself (an operator's sweep from outside, stop 86, on a 60 MB file system: 71 filings
 * 201, then three 500s, one connection closed unanswered, the process gone). The room left is for what the node writes by
 * itself meanwhile: the read models catching up, checkpoints, the deadlines' own acts, which are not refused.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!distributed")
public class DiskHeadroom {

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> noCommandsOnAFullDisk(@Value("${gongshi.data-dir}") String dataDir,
                                                                       @Value("${management.health.diskspace.threshold:10MB}") DataSize least) {
        File directory = new File(dataDir).getAbsoluteFile();
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    Object actor = command.getMetaData().get(MetadataKeys.ACTOR);
                    if (actor instanceof String identity && identity.startsWith(Recording.SYSTEM_PREFIX)) return command;
                    String problem = problem(directory, directory.getUsableSpace(), least.toBytes());
                    if (problem != null) throw new LedgerNotServing(problem);
                    return command;
                };
            }
        };
    }

    /** What is wrong when {@code free} bytes are left on the data directory's disk and it must keep {@code least}; null if nothing. */
    public static String problem(File directory, long free, long least) {
        if (free >= least) return null;
        return "The ledger takes no commands: its data directory " + directory + " has " + megabytes(free) + " free, less than the "
                + megabytes(least) + " it keeps (management.health.diskspace.threshold) for what the node writes by itself; nothing"
                + " was recorded. Free space on that disk, or move the data directory to a larger one, then send the command again.";
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
