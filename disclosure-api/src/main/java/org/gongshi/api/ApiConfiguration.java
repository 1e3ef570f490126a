package org.gongshi.api;

import org.gongshi.api.admin.SubjectKeyController;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongshi.api.audit.AuditController;
import org.gongshi.api.audit.AuditPagesController;
import org.gongshi.api.audit.CaseHistories;
import org.gongshi.projections.cases.CaseViewReplay;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.ledger.LedgerTree;
import org.gongshi.projections.ledger.StoredForm;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.api.cases.CaseCommandController;
import org.gongshi.api.cases.CaseQueryController;
import org.gongshi.api.listings.ListingCommandController;
import org.gongshi.api.listings.ListingQueryController;
import org.gongshi.api.stats.StatsController;
import org.gongshi.api.web.LedgerGateway;
import org.gongshi.api.web.PublicFigures;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.feed.FeedController;
import org.gongshi.api.feed.FeedStreams;
import org.gongshi.api.problem.ProblemAdvice;
import org.gongshi.projections.feed.FeedLog;
import org.springframework.beans.factory.annotation.Value;
import java.time.Duration;
import org.gongshi.api.publicsite.PublicApiController;
import org.gongshi.api.publicsite.PublicPagesController;
import org.gongshi.api.publicsite.PublicQueries;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.api.security.SecurityConfiguration;
import org.gongshi.api.web.BureauCommands;
import org.gongshi.api.web.HistoricalImport;
import org.gongshi.api.web.LedgerPositions;
import org.gongshi.api.web.ViewReads;
import org.gongshi.api.input.IdentifierCase;
import org.gongshi.api.input.QueryGuard;
import org.gongshi.api.input.StrictJson;
import org.gongshi.api.traffic.PublicTraffic;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.gongshi.api.web.WitnessKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** The API role: bureau commands, reads, problems and security. */
@Configuration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemAdvice.class, CaseCommandController.class, CaseQueryController.class,
        ListingCommandController.class, ListingQueryController.class, StatsController.class,
        PublicApiController.class, PublicPagesController.class, FeedController.class, SubjectKeyController.class,
        AuditController.class, AuditPagesController.class})
public class ApiConfiguration {

    @Bean
    LedgerGateway ledgerGateway(CommandGateway commandGateway, LedgerPositions ledgerPositions, EventStore eventStore) {
        return new LedgerGateway(commandGateway, ledgerPositions, eventStore);
    }

    /** The bureaus' registration: where a public record's authority name (处罚机关) comes from. */
    @Bean
    org.gongshi.api.security.BureauRegistry bureauRegistry(org.springframework.core.env.Environment environment,
                                                           @Value("${gongshi.bureaus.unregistered-name:}") String unregisteredName) {
        var registered = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("gongshi.bureaus.registered", org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(java.util.Map.of());
        return new org.gongshi.api.security.BureauRegistry(registered, unregisteredName);
    }

    /** The historical-import header, carried to the gateway in the request's context. */
    @Bean
    HistoricalImport historicalImport() {
        return new HistoricalImport();
    }

    @Bean
    BureauCommands bureauCommands(LedgerGateway ledgerGateway, IdempotentCommands idempotentCommands) {
        return new BureauCommands(ledgerGateway, idempotentCommands);
    }

    /** A registered bureau's token acts and reads only in the bureau's division. */
    @Bean
    org.gongshi.api.security.BureauDivisionGuard bureauDivisionGuard(org.gongshi.api.security.BureauRegistry bureaus) {
        return new org.gongshi.api.security.BureauDivisionGuard(bureaus);
    }

    /** The public target figures, for {@code GET /api/v1/public/stats} and the {@code /stats} page. */
    @Bean
    PublicFigures publicFigures(org.gongshi.projections.stats.TargetFigures targetFigures, java.time.Clock ledgerClock) {
        return new PublicFigures(targetFigures, ledgerClock);
    }

    /** Read-your-writes: a read that sends a position waits up to {@code wait} for its views, looking every {@code poll}. */
    @Bean
    ViewReads viewReads(LedgerPositions ledgerPositions,
                        @Value("${gongshi.read-your-writes.wait:PT3S}") Duration wait,
                        @Value("${gongshi.read-your-writes.poll:PT0.05S}") Duration poll) {
        return new ViewReads(ledgerPositions, wait, poll);
    }

    @Bean
    FeedStreams feedStreams(FeedLog feedLog, @Value("${gongshi.feed.poll-interval:PT0.2S}") Duration pollInterval) {
        return new FeedStreams(feedLog, pollInterval);
    }

    /** SSE comment heartbeats, at least every 15 s (API.md). */
    @Bean
    Duration feedHeartbeat(@Value("${gongshi.feed.heartbeat:PT10S}") Duration heartbeat) {
        return heartbeat;
    }

    /** The audit's case histories, read from the event store (payloads as the event store holds them). */
    @Bean
    CaseHistories caseHistories(EventStore eventStore, StoredForm storedForm, CaseViews caseViews,
                                ListingViews listingViews, LedgerTree ledgerTree, FeedLog feedLog, CaseViewReplay caseViewReplay,
                                JsonMapper jsonMapper, org.gongshi.ledger.policy.Rulebook rulebook) {
        return new CaseHistories(eventStore, storedForm, caseViews, listingViews, ledgerTree, feedLog, caseViewReplay, jsonMapper, rulebook);
    }

    /** The witnesses whose cosignatures of the feed's and the ledger's checkpoints are accepted and served. */
    @Bean
    WitnessKeys witnessKeys(@Value("${gongshi.witness.verifier-keys:}") String verifierKeys) {
        return WitnessKeys.parse(verifierKeys);
    }

    @Bean
    PublicQueries publicQueries(PublicRecords publicRecords, org.gongshi.ledger.calendar.LedgerClock clock) {
        return new PublicQueries(publicRecords, clock);
    }

    /** Request bodies are read strictly (dates as ISO strings, no duplicate keys, no null elements, visible text). */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer strictRequestBodies(JsonMapper jsonMapper, org.springframework.beans.factory.ObjectProvider<jakarta.validation.Validator> validator) {
        return StrictJson.codecs(jsonMapper, validator::getIfAvailable);
    }

    /**
     * The pages are written in zh-CN ({@code lang="zh-CN"}) whatever language a browser asks for, and say so in
     * {@code Content-Language}, which the views take from the request's locale context. The API answers in English, as its
     * problems are written: the request's locale also chooses the language of the standard validation messages, and with
     * zh-CN for every path an API problem said "必须是正数" beside English ones (audit).
     */
    @Bean(name = org.springframework.web.server.adapter.WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    org.springframework.web.server.i18n.LocaleContextResolver localeContextResolver() {
        var pages = new org.springframework.web.server.i18n.FixedLocaleContextResolver(java.util.Locale.SIMPLIFIED_CHINESE);
        var api = new org.springframework.web.server.i18n.FixedLocaleContextResolver(java.util.Locale.ENGLISH);
        return new org.springframework.web.server.i18n.LocaleContextResolver() {
            @Override
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(org.springframework.web.server.ServerWebExchange exchange) {
                return (isApi(exchange) ? api : pages).resolveLocaleContext(exchange);
            }

            @Override
            public void setLocaleContext(org.springframework.web.server.ServerWebExchange exchange,
                                         org.springframework.context.i18n.LocaleContext localeContext) {
                throw new UnsupportedOperationException("the locale is fixed per path");
            }
        };
    }

    /** The machine-readable paths (JSON, the feed, operations), as opposed to the pages. */
    static boolean isApi(org.springframework.web.server.ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.startsWith("/api/") || path.startsWith("/feed/") || path.startsWith("/actuator") || path.startsWith("/dev/");
    }

    @Bean
    QueryGuard queryGuard() {
        return new QueryGuard();
    }

    @Bean
    org.gongshi.api.input.UnknownParameters unknownParameters(
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping mapping) {
        return new org.gongshi.api.input.UnknownParameters(mapping);
    }

    /** The exchange in each request's Reactor context: a command's problem answer names its request when kept for its key. */
    @Bean
    org.springframework.web.filter.reactive.ServerWebExchangeContextFilter exchangeInContext() {
        return new org.springframework.web.filter.reactive.ServerWebExchangeContextFilter();
    }

    @Bean
    org.gongshi.api.input.HeaderGuard headerGuard() {
        return new org.gongshi.api.input.HeaderGuard();
    }

    @Bean
    org.gongshi.api.input.HostGuard hostGuard() {
        return new org.gongshi.api.input.HostGuard();
    }

    @Bean
    org.gongshi.api.publicsite.HeadContentLength headContentLength() {
        return new org.gongshi.api.publicsite.HeadContentLength();
    }

    @Bean
    IdentifierCase identifierCase() {
        return new IdentifierCase();
    }

    /** Raw UTF-8 in a request's target (curl sends it so) percent-encoded before the web layer reads it. */
    @Bean
    org.springframework.boot.reactor.netty.NettyServerCustomizer rawRequestTargets() {
        return org.gongshi.api.input.RawRequestTargets.customizer();
    }

    /** Every status line in HTTP/1.1 (or 1.0), never in a version the client named and this server does not speak. */
    @Bean
    org.springframework.boot.reactor.netty.NettyServerCustomizer ownVersion() {
        return org.gongshi.api.input.OwnVersion.customizer();
    }

    /** A request line or headers longer than the server reads answered with a problem naming the bound, not an empty 414 or 431. */
    @Bean
    org.springframework.boot.reactor.netty.NettyServerCustomizer oversizedRequests(
            @Value("${server.netty.max-initial-line-length:4KB}") org.springframework.util.unit.DataSize requestLine,
            @Value("${server.max-http-request-header-size:8KB}") org.springframework.util.unit.DataSize headers) {
        return org.gongshi.api.input.OversizedRequests.customizer(requestLine, headers);
    }

    /**
     * A connection whose request's headers have not all come within {@code gongshi.traffic.request-timeout}, or its body within it of
     * its headers, is closed, and a client address holds at most {@code gongshi.traffic.connections-per-client} connections (0, or {@code gongshi.traffic.enabled=false},
     * lifts the second: behind the distributed profile's proxy every client comes from the proxy's address, and the proxy caps them).
     */
    @Bean
    org.springframework.boot.reactor.netty.NettyServerCustomizer slowClients(
            @Value("${gongshi.traffic.enabled:true}") boolean enabled,
            @Value("${gongshi.traffic.request-timeout:20s}") java.time.Duration requestTimeout,
            @Value("${gongshi.traffic.connections-per-client:256}") int connectionsPerClient) {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("gongshi.traffic.request-timeout must be a positive duration, was " + requestTimeout);
        }
        if (connectionsPerClient < 0) {
            throw new IllegalArgumentException("gongshi.traffic.connections-per-client must be 0 (no cap: behind a proxy, which caps) or"
                    + " more, was " + connectionsPerClient);
        }
        return org.gongshi.api.input.SlowClients.customizer(requestTimeout, enabled ? connectionsPerClient : 0);
    }

    @Bean
    PublicTraffic publicTraffic(@Value("${gongshi.traffic.enabled:true}") boolean enabled,
                                @Value("${gongshi.traffic.capacity:120}") int capacity,
                                @Value("${gongshi.traffic.per-second:30}") double perSecond,
                                @Value("${gongshi.traffic.streams-per-client:16}") int streamsPerClient,
                                @Value("${gongshi.traffic.streams-total:10000}") int streamsTotal,
                                @Value("${gongshi.traffic.max-clients:100000}") int maxClients) {
        return new PublicTraffic(new PublicTraffic.Limits(enabled, capacity, perSecond, streamsPerClient, streamsTotal, maxClients));
    }

    /**
     * {@code Idempotency-Key}s (README): a client waits {@code timeout} for a command (then 503 with
     * Retry-After), an attempt owns its key for {@code lease} (a retry after it may run the command
     * again), a key is kept for {@code ttl}. Wall-clock time, not the ledger's clock.
     */
    @Bean
    IdempotentCommands idempotentCommands(MongoDatabase readModelDatabase, JsonMapper jsonMapper,
                                          @Value("${gongshi.commands.timeout:PT30S}") Duration timeout,
                                          @Value("${gongshi.idempotency.lease:PT60S}") Duration lease,
                                          @Value("${gongshi.idempotency.ttl:PT24H}") Duration ttl) {
        return new IdempotentCommands(readModelDatabase, jsonMapper, java.time.Clock.systemUTC(),
                new IdempotentCommands.Settings(timeout, lease, ttl));
    }
}
