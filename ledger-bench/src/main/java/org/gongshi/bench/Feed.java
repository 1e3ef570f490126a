package org.gongshi.bench;

import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the public feed as a credit platform does ({@code GET /feed/v1/entries?after=N}): its size, and a tail for lag. */
final class Feed {

    private final Api api;
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();

    Feed(Api api) {
        this.api = api;
    }

    /** The number of entries (sequence numbers are gapless from 0). */
    long size() throws Exception {
        long after = -1;
        for (long lines; (lines = api.countLines("/feed/v1/entries?after=" + after + "&limit=100000", null)) > 0; ) after += lines;
        return after + 1;
    }

    /** A daemon thread tailing the feed from its current end: each entry whose subject was published is a lag sample. */
    Thread tail(Map<String, Long> publishedAt, Latencies lag) throws Exception {
        long start = size() - 1;
        Thread t = new Thread(() -> {
            long after = start;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Api.Reply r = api.get("/feed/v1/entries?after=" + after + "&limit=1000", null);
                    long now = System.nanoTime();
                    int n = 0;
                    for (String line : r.body().split("\n")) {
                        if (line.isBlank()) continue;
                        n++;
                        JsonNode entry = Api.JSON.readTree(line);
                        String subject = entry.path("subject").asString();
                        after = entry.path("sequence").asLong(after + 1);
                        seenAt.putIfAbsent(subject, now);
                        Long published = publishedAt.get(subject);
                        if (published != null && entry.path("type").asString().contains("disclosure.published")) lag.add(now - published);
                    }
                    if (n == 0) Thread.sleep(50);
                }
            } catch (InterruptedException | IllegalStateException e) {
                Thread.currentThread().interrupt(); // stopped by the harness (Api wraps an interrupted send)
            }
        }, "feed-tail");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits until the tail has seen {@code subject} (or the deadline passes). */
    void awaitSubject(String subject, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (subject != null && !seenAt.containsKey(subject) && System.nanoTime() < deadline) Thread.sleep(50);
    }
}
