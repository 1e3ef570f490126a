package org.gongshi.server.ops;

import org.gongshi.api.problem.NotFound;
import org.gongshi.projections.RebuildableView;
import org.gongshi.projections.feed.FeedLogProjection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.Map;

/**
 * Rebuilding one read model, for administrators (role {@code admin}): {@code POST
 * /api/v1/admin/rebuilds/{view}} starts it (202), {@code GET /api/v1/admin/rebuilds/{view}} shows its
 * progress (events done, events per second, seconds left), {@code GET /api/v1/admin/rebuilds} all.
 */
@RestController
@RequestMapping("/api/v1/admin/rebuilds")
public class RebuildAdmin {

    private final Rebuilds rebuilds;

    public RebuildAdmin(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/{view}")
    public ResponseEntity<Rebuilds.Progress> start(@PathVariable String view) {
        RebuildableView rebuildable = view(view);
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.start(rebuildable));
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @GetMapping("/{view}")
    public Rebuilds.Progress progress(@PathVariable String view) {
        return rebuilds.progress(view(view).processor())
                .orElseThrow(() -> new NotFound("no rebuild of " + view + " has run since this node started"));
    }

    @GetMapping
    public Map<String, Rebuilds.Progress> all() {
        return rebuilds.all();
    }

    private static RebuildableView view(String name) {
        if (FeedLogProjection.PROCESSING_GROUP.equals(name)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the public feed is a log of record: it is never rebuilt, only"
                    + " verified (a replay of its processor checks every entry byte for byte)");
        }
        return RebuildableView.named(name).orElseThrow(() -> new NotFound("no read model named '"
                + name.substring(0, Math.min(name.length(), 100)) + "'; rebuildable: "
                + Arrays.stream(RebuildableView.values()).map(RebuildableView::processor).toList()));
    }
}
