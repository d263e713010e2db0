package org.onboarding.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.job.ImportLauncher;
import org.onboarding.job.ImportRequest;
import org.onboarding.testsupport.DatabaseScenario;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.StandardWebhooksSignature;
import org.onboarding.testsupport.TestClock;
import org.onboarding.testsupport.TestFeeds;
import org.onboarding.testsupport.WebhookReceiver;
import org.onboarding.testsupport.WebhookReceiver.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.env.MockEnvironment;

/**
 * Delivering the outbox to a real HTTP endpoint on loopback, on H2 and on PostgreSQL by the
 * subclasses. Time is a test clock: "eight hours later" takes no time.
 */
abstract class WebhookDeliveryScenarios extends DatabaseScenario {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a test secret of 32 bytes, exact".getBytes());
    static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(10), 4, Duration.ofHours(8), 4, 0.2);

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    WebhookEventStore store;

    @Autowired
    FeedCatalog feeds;

    @Autowired
    ImportLauncher launcher;

    final WebhookReceiver receiver = new WebhookReceiver();
    final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachEventIsPostedOnceWithItsBodyAndAStandardWebhooksSignature() throws Exception {
        List<UUID> ids = queue(3);

        DeliveryRun run = dispatcher(receiver.url()).deliverDue();

        assertThat(run.delivered()).isEqualTo(3);
        assertThat(receiver.received()).hasSize(3).allSatisfy(request -> {
            assertThat(StandardWebhooksSignature.verifies(SECRET, request)).as("signature verifies").isTrue();
            assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.body()).isEqualTo(payloadOf(UUID.fromString(request.header("webhook-id"))));
        });
        assertThat(receiver.received()).extracting(request -> UUID.fromString(request.header("webhook-id")))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(statuses()).containsOnly("DELIVERED|1");
        assertThat(jdbc.queryForList("select status_code from webhook_attempt", Integer.class)).containsOnly(204);
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotVerify() throws Exception {
        queue(1);
        dispatcher(receiver.url()).deliverDue();

        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("another secret of 32 bytes, too!".getBytes());
        assertThat(StandardWebhooksSignature.verifies(otherSecret, receiver.received().get(0))).isFalse();
    }

    @Test
    void aServerErrorIsRetriedAfterTheFirstDelayWithTheSameIdAndThenDelivered() {
        queue(1);
        receiver.answer(request -> Answer.status(500));
        WebhookDispatcher dispatcher = dispatcher(receiver.url());

        DeliveryRun first = dispatcher.deliverDue();
        Instant next = jdbc.queryForObject("select next_attempt_at from webhook_event", Timestamp.class).toInstant();
        DeliveryRun tooEarly = dispatcher.deliverDue();
        receiver.answer(request -> Answer.status(200));
        clock.advance(Duration.ofSeconds(13));
        DeliveryRun second = dispatcher.deliverDue();

        assertThat(first.retrying()).isEqualTo(1);
        assertThat(Duration.between(clock.instant().minusSeconds(13), next)).isBetween(Duration.ofSeconds(8),
                Duration.ofSeconds(12));
        assertThat(tooEarly.delivered() + tooEarly.retrying()).as("not due yet").isZero();
        assertThat(second.delivered()).isEqualTo(1);
        assertThat(receiver.received()).extracting(request -> request.header("webhook-id")).hasSize(2)
                .containsOnly(receiver.received().get(0).header("webhook-id"));
        assertThat(jdbc.queryForList("select concat_ws('|', attempt, status_code, error) from webhook_attempt order by attempt",
                String.class)).containsExactly("1|500|HTTP 500: answer 500", "2|200");
        assertThat(statuses()).containsExactly("DELIVERED|2");
    }

    @Test
    void anEndpointThatAnswersTooLateIsAFailedAttempt() {
        queue(1);
        receiver.answer(request -> new Answer(200, Duration.ofSeconds(3)));

        DeliveryRun run = dispatcher(receiver.url()).deliverDue();

        assertThat(run.retrying()).isEqualTo(1);
        Map<String, Object> attempt = jdbc.queryForMap("select status_code, latency_ms, error from webhook_attempt");
        assertThat(attempt.get("status_code")).isNull();
        assertThat(attempt.get("error")).isEqualTo("timed out after 700 ms");
        assertThat(((Number) attempt.get("latency_ms")).longValue()).isBetween(650L, 2500L);
        assertThat(statuses()).containsExactly("PENDING|1");
    }

    @Test
    void anEndlessErrorBodyIsReadOnlyUpToItsBoundMaskedAndTheConnectionIsClosed() throws Exception {
        queue(1);
        receiver.answer(request -> Answer.endless(500));

        DeliveryRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dispatcher(receiver.url()).deliverDue());

        assertThat(run.retrying()).isEqualTo(1);
        Map<String, Object> attempt = jdbc.queryForMap("select status_code, error from webhook_attempt");
        assertThat(attempt.get("status_code")).isEqualTo(500);
        assertThat((String) attempt.get("error")).startsWith("HTTP 500: upstream failure for caller 080******67; ")
                .doesNotContain("08031234567").hasSizeLessThanOrEqualTo(240);
        assertThat(receiver.awaitAllClosed(Duration.ofSeconds(3))).as("the sender closed the connection").isTrue();
        assertThat(receiver.streamed()).as("bytes the endpoint could write").isLessThan(64L << 20);
    }

    @Test
    void anEndlessBodyOfASuccessIsNotReadAndTheEventIsDelivered() throws Exception {
        queue(1);
        receiver.answer(request -> Answer.endless(200));

        DeliveryRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dispatcher(receiver.url()).deliverDue());

        assertThat(run.delivered()).isEqualTo(1);
        assertThat(statuses()).containsExactly("DELIVERED|1");
        assertThat(receiver.awaitAllClosed(Duration.ofSeconds(3))).as("the sender closed the connection").isTrue();
    }

    @Test
    void aBodyStillTricklingAtTheTimeoutIsAFailedAttemptAndItsConnectionIsClosed() throws Exception {
        queue(1);
        receiver.answer(request -> Answer.trickle(500));

        DeliveryRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dispatcher(receiver.url()).deliverDue());

        assertThat(run.retrying()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select error from webhook_attempt", String.class)).isEqualTo("timed out after 700 ms");
        assertThat(receiver.awaitAllClosed(Duration.ofSeconds(3))).as("the sender closed the connection").isTrue();
    }

    @Test
    void anEndpointThatNeverAnswersIsAFailedAttemptAndThePassEndsWithinTheTimeout() {
        queue(3);
        receiver.answer(request -> Answer.never());

        DeliveryRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dispatcher(receiver.url()).deliverDue());

        assertThat(run.retrying()).isEqualTo(3);
        assertThat(jdbc.queryForList("select error from webhook_attempt", String.class))
                .containsOnly("timed out after 700 ms").hasSize(3);
        assertThat(statuses()).containsOnly("PENDING|1");
    }

    @Test
    void anEndpointThatNeverAnswersHoldsUpOnlyItsOwnEventsAndHasAtMostItsShareOfRequestsInFlight() throws Exception {
        UUID otherOrganization = UUID.fromString(TestFeeds.OTHER_ORGANIZATION_ID);
        queue(4);
        queue(otherOrganization, 3);
        receiver.answer(request -> Answer.never());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (WebhookReceiver other = new WebhookReceiver()) {
            WebhookDispatcher dispatcher = dispatcher(demoAndOther(other), Duration.ofSeconds(2));
            long started = System.nanoTime();

            Future<DeliveryRun> pass = thread.submit(dispatcher::deliverDue);
            await().atMost(Duration.ofSeconds(10)).until(() -> other.received().size() == 3);
            Duration otherDelivered = Duration.ofNanos(System.nanoTime() - started);
            int inFlightAtTheSlowEndpoint = receiver.received().size();
            DeliveryRun run = pass.get(30, TimeUnit.SECONDS);

            assertThat(otherDelivered).as("the other organisation's events, sent before the slow one's time out")
                    .isLessThan(Duration.ofMillis(1500));
            assertThat(inFlightAtTheSlowEndpoint).as("requests to the slow endpoint at once").isEqualTo(2);
            assertThat(run.delivered()).isEqualTo(3);
            assertThat(run.retrying()).isEqualTo(4);
        } finally {
            thread.shutdownNow();
        }
        assertThat(jdbc.queryForList("select concat_ws('|', status, attempts) from webhook_event where organization_id = ?",
                String.class, otherOrganization)).containsOnly("DELIVERED|1").hasSize(3);
    }

    @Test
    void underTheServiceAnotherEndpointsEventsQueuedDuringASlowPassAreDeliveredWithoutWaitingForIt() throws Exception {
        UUID otherOrganization = UUID.fromString(TestFeeds.OTHER_ORGANIZATION_ID);
        queue(6);
        receiver.answer(request -> new Answer(200, Duration.ofMillis(1500)));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (WebhookReceiver other = new WebhookReceiver()) {
            WebhookDispatcher dispatcher = dispatcher(demoAndOther(other), Duration.ofSeconds(5));
            dispatcher.expectPassesEvery(Duration.ofSeconds(1));

            Future<DeliveryRun> pass = thread.submit(dispatcher::deliverDue);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            // Due at once by the test's clock; the slow endpoint's claimed events left as they are.
            outbox.queue(IntStream.range(0, 2).mapToObj(n -> new QueuedEvent(otherOrganization, "test.event",
                    "test.event:late:" + n, "{\"event\":\"test.event\",\"data\":{\"n\":" + n + "}}", null)).toList());
            jdbc.update("update webhook_event set next_attempt_at = ? where event_key like 'test.event:late:%'",
                    Timestamp.from(clock.instant()));
            long queued = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> other.received().size() == 2);
            Duration otherDelivered = Duration.ofNanos(System.nanoTime() - queued);
            boolean slowPassStillRunning = !pass.isDone();
            DeliveryRun run = pass.get(30, TimeUnit.SECONDS);

            assertThat(slowPassStillRunning).as("the slow endpoint's pass, still under way").isTrue();
            assertThat(otherDelivered).as("events queued for another endpoint while a slow one is served")
                    .isLessThan(Duration.ofMillis(2500));
            assertThat(run.delivered()).isEqualTo(8);
        } finally {
            thread.shutdownNow();
        }
        assertThat(statuses()).containsOnly("DELIVERED|1").hasSize(8);
    }

    @Test
    void aStoppedDispatcherEndsItsPassWithinASecondWithoutAnInterruptAndStartsNoOther() throws Exception {
        queue(2);
        receiver.answer(request -> Answer.never());
        WebhookDispatcher dispatcher = dispatcher(new WebhookEndpoints(feeds, new MockEnvironment()
                .withProperty("DEMO_WEBHOOK_SECRET", SECRET).withProperty("DEMO_WEBHOOK_URL", receiver.url())),
                Duration.ofSeconds(20));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<DeliveryRun> pass = thread.submit(dispatcher::deliverDue);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            long stopped = System.nanoTime();

            dispatcher.stop();
            DeliveryRun run = pass.get(5, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofMillis(2500));
            assertThat(run.delivered() + run.retrying() + run.failed()).as("attempts recorded").isZero();
            assertThat(dispatcher.deliverDue().delivered()).isZero();
            assertThat(receiver.received()).as("no request after the stop").hasSize(2);
        } finally {
            thread.shutdownNow();
        }
        assertThat(statuses()).as("due again once their lease ends").containsOnly("PENDING|0").hasSize(2);
    }

    @Test
    void aHostNameThatResolvesToACloudMetadataAddressIsRefusedWhenSent() {
        queue(1);
        MockEnvironment environment = new MockEnvironment().withProperty("DEMO_WEBHOOK_SECRET", SECRET)
                .withProperty("DEMO_WEBHOOK_URL", "https://hooks.example.test/onboarding");
        WebhookProperties properties = properties(Duration.ofMillis(700));
        WebhookSender sender = new WebhookSender(properties, clock,
                host -> new InetAddress[] {InetAddress.getByName("192.0.2.10"), InetAddress.getByName("169.254.169.254")});

        DeliveryRun run = new WebhookDispatcher(store, sender, new WebhookEndpoints(feeds, environment), properties, clock)
                .deliverDue();

        assertThat(run.retrying()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select error from webhook_attempt", String.class)).isEqualTo(
                "refused: hooks.example.test resolves to 169.254.169.254, a link-local or cloud metadata address");
    }

    @Test
    void healthIsDownWhileAPassMakesNoProgressAndWhenScheduledPassesStopComing() throws Exception {
        queue(1);
        receiver.answer(request -> Answer.never());
        MockEnvironment environment = new MockEnvironment().withProperty("DEMO_WEBHOOK_SECRET", SECRET)
                .withProperty("DEMO_WEBHOOK_URL", receiver.url());
        WebhookProperties properties = properties(Duration.ofSeconds(3));
        WebhookDispatcher dispatcher = dispatcher(new WebhookEndpoints(feeds, environment), Duration.ofSeconds(3));
        WebhookDispatcherHealthIndicator health = new WebhookDispatcherHealthIndicator(dispatcher, properties, clock);
        dispatcher.expectPassesEvery(Duration.ofSeconds(10));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<DeliveryRun> pass = thread.submit(dispatcher::deliverDue);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            Status whileWaiting = health.health().getStatus();
            clock.advance(properties.claimLease().plusSeconds(1));
            Status stuck = health.health().getStatus();
            pass.get(20, TimeUnit.SECONDS);
            Status afterThePass = health.health().getStatus();
            clock.advance(Duration.ofSeconds(10).plus(properties.claimLease()).plusSeconds(1));
            Status noPassSince = health.health().getStatus();

            assertThat(whileWaiting).isEqualTo(Status.UP);
            assertThat(stuck).isEqualTo(Status.DOWN);
            assertThat(afterThePass).isEqualTo(Status.UP);
            assertThat(noPassSince).isEqualTo(Status.DOWN);
            receiver.answer(request -> Answer.status(204));
            dispatcher.deliverDue();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void anEndpointFailingTimeAfterTimeIsPausedItsEventsWaitingUntilAProbeAfterTheCoolDownIsDelivered() {
        queue(10);
        receiver.answer(request -> Answer.status(503));
        WebhookDispatcher dispatcher = dispatcher(receiver.url());
        UUID organization = UUID.fromString(TestFeeds.ORGANIZATION_ID);
        WebhookProperties.CircuitBreaker breaker = new WebhookProperties.CircuitBreaker(3, Duration.ofMinutes(1));

        DeliveryRun failing = dispatcher.deliverDue();
        int attempted = receiver.received().size();
        Circuit open = store.circuits(List.of(organization), breaker, clock.instant()).get(organization);
        clock.advance(Duration.ofSeconds(30));
        DeliveryRun paused = dispatcher.deliverDue();
        int attemptedWhilePaused = receiver.received().size() - attempted;
        clock.advance(Duration.ofSeconds(31));
        Circuit halfOpen = store.circuits(List.of(organization), breaker, clock.instant()).get(organization);
        receiver.answer(request -> Answer.status(204));
        DeliveryRun probed = dispatcher.deliverDue();

        // Two requests at a time: the third failure opens the circuit, with perhaps a fourth request under way.
        assertThat(attempted).isBetween(3, 4);
        assertThat(failing.retrying()).isEqualTo(attempted);
        assertThat(open.state()).isEqualTo(Circuit.State.OPEN);
        assertThat(open.failures()).isEqualTo(attempted);
        assertThat(open.pausedUntil()).isEqualTo(clock.instant().minusSeconds(61).plus(Duration.ofMinutes(1)));
        assertThat(failing.paused()).extracting(DeliveryRun.PausedEndpoint::pending).containsExactly(10L);
        assertThat(paused.delivered() + paused.retrying()).as("nothing attempted while open").isZero();
        assertThat(attemptedWhilePaused).isZero();
        assertThat(halfOpen.state()).isEqualTo(Circuit.State.HALF_OPEN);
        assertThat(probed.delivered()).as("the probe, then the rest").isEqualTo(10);
        assertThat(probed.paused()).isEmpty();
        assertThat(store.circuits(List.of(organization), breaker, clock.instant()).get(organization).state())
                .isEqualTo(Circuit.State.CLOSED);
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where attempts = 1 and status = 'DELIVERED'",
                Long.class)).as("events delivered at their first attempt: none spent while paused").isEqualTo(10L - attempted);
    }

    @Test
    void aRefusedConnectionIsAFailedAttempt() {
        queue(1);
        String closed = receiver.url();
        receiver.close();

        DeliveryRun run = dispatcher(closed).deliverDue();

        assertThat(run.retrying()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select error from webhook_attempt", String.class)).isEqualTo("connection refused");
    }

    @Test
    void anEventStillFailingAtItsLastAttemptIsADeadLetterUntilAnOperatorRequeuesIt() {
        queue(1);
        receiver.answer(request -> Answer.status(503));
        WebhookDispatcher dispatcher = dispatcher(receiver.url());

        List<DeliveryRun> runs = new ArrayList<>();
        for (int pass = 0; pass < 6; pass++) {
            runs.add(dispatcher.deliverDue());
            clock.advance(Duration.ofHours(9));
        }

        assertThat(receiver.received()).as("four attempts, the schedule's last included").hasSize(4);
        assertThat(runs).extracting(DeliveryRun::failed).containsExactly(0, 0, 0, 1, 0, 0);
        assertThat(statuses()).containsExactly("FAILED|4");
        assertThat(jdbc.queryForObject("select last_error from webhook_event", String.class)).isEqualTo("HTTP 503: answer 503");

        receiver.answer(request -> Answer.status(200));
        assertThat(store.requeueFailed(null, null, clock.instant())).isEqualTo(1);
        assertThat(dispatcher.deliverDue().delivered()).isEqualTo(1);
        assertThat(statuses()).containsExactly("DELIVERED|1");
        assertThat(jdbc.queryForObject("select count(*) from webhook_attempt", Long.class)).isEqualTo(5);
    }

    @Test
    void withoutAUrlEventsStayQueuedAndNothingIsSent() {
        queue(2);

        DeliveryRun run = dispatcher((String) null).deliverDue();

        assertThat(run.delivered() + run.retrying() + run.failed()).isZero();
        assertThat(run.misconfigured()).isFalse();
        assertThat(run.held()).filteredOn(held -> held.endpoint().organizationId().toString()
                .equals(TestFeeds.ORGANIZATION_ID)).singleElement().satisfies(held -> {
            assertThat(held.pending()).isEqualTo(2);
            assertThat(held.endpoint().problem()).isEqualTo("DEMO_WEBHOOK_URL is not set: events stay queued");
        });
        assertThat(statuses()).containsOnly("PENDING|0");
    }

    @Test
    void aSecretThatIsNotAStandardWebhooksSecretHoldsTheEventsAsAMistake() {
        queue(1);
        MockEnvironment environment = new MockEnvironment().withProperty("DEMO_WEBHOOK_URL", receiver.url())
                .withProperty("DEMO_WEBHOOK_SECRET", "hunter2");

        DeliveryRun run = dispatcher(new WebhookEndpoints(feeds, environment)).deliverDue();

        assertThat(run.misconfigured()).isTrue();
        assertThat(run.held()).filteredOn(held -> held.endpoint().state() == WebhookEndpoint.State.MISCONFIGURED)
                .extracting(held -> held.endpoint().problem())
                .containsOnly("DEMO_WEBHOOK_SECRET is not a Standard Webhooks secret (whsec_ and base64)");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void twoDispatchersAtOnceSendEachEventOnce() throws Exception {
        List<UUID> ids = queue(120);
        receiver.answer(request -> new Answer(200, Duration.ofMillis(5)));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<DeliveryRun> pass = () -> dispatcher(receiver.url()).deliverDue();
            List<Future<DeliveryRun>> runs = threads.invokeAll(List.of(pass, pass));

            assertThat(runs.get(0).get().delivered() + runs.get(1).get().delivered()).isEqualTo(120);
            if (Databases.isPostgres(jdbc)) {
                // SKIP LOCKED: the second passes over the first one's batch and claims the next, rather than waiting
                assertThat(runs).allSatisfy(run -> assertThat(run.get().delivered()).as("both took part").isPositive());
            }
        } finally {
            threads.shutdown();
        }
        assertThat(receiver.received()).extracting(request -> UUID.fromString(request.header("webhook-id")))
                .hasSize(120).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anAttemptRecordedAfterItsLeaseRanOutLeavesTheEventToTheDispatcherThatClaimedItSince() {
        queue(1);
        List<UUID> organization = List.of(UUID.fromString(TestFeeds.ORGANIZATION_ID));
        Instant firstLease = clock.instant().plusSeconds(80);
        DueEvent slow = store.claim(organization, clock.instant(), firstLease, 5).get(0);
        Instant secondLease = firstLease.plusSeconds(81);
        assertThat(store.claim(organization, firstLease.plusSeconds(1), secondLease, 5)).as("due again after the lease")
                .extracting(DueEvent::id).containsExactly(slow.id());

        store.record(List.of(new DeliveryOutcome(new DeliveryAttempt(slow, clock.instant(), 500, 90_000, "HTTP 500"),
                EventStatus.FAILED, null)), firstLease);

        assertThat(statuses()).containsExactly("PENDING|0");
        assertThat(jdbc.queryForObject("select next_attempt_at from webhook_event", Timestamp.class).toInstant())
                .isEqualTo(secondLease);
        assertThat(jdbc.queryForObject("select count(*) from webhook_attempt", Long.class)).as("the attempt is history")
                .isEqualTo(1);
    }

    @Test
    void anImportsWalletNotificationsReachTheEndpointAsTheReadmeShowsThem() throws Exception {
        Path file = Files.writeString(dir.resolve("wallets.csv"),
                "referenceId,name,accountTypeId,bvn\nCUS-1,Ngozi Eze,1,22100000001\nCUS-2,Emeka Obi,1,22100000002\n");
        launcher.launch(new ImportRequest(file, "demo", null, false));
        clock.advance(Duration.ofMinutes(1));

        DeliveryRun run = dispatcher(receiver.url()).deliverDue();

        assertThat(run.delivered()).isEqualTo(3);
        List<String> bodies = receiver.received().stream().map(WebhookReceiver.Received::body).toList();
        assertThat(bodies).filteredOn(body -> body.contains("\"event\":\"reserve_virtual_account.success\""))
                .hasSize(2).anySatisfy(body -> assertThat(body).contains("\"referenceId\":\"CUS-1\"")
                        .contains("\"accountName\":\"Ngozi Eze\"").contains("\"bankCode\":\"090999\""));
        assertThat(bodies).filteredOn(body -> body.contains("\"event\":\"customer_import.completed\"")).singleElement()
                .satisfies(body -> assertThat(body).contains("\"created\":2").contains("\"wallets\":2"));
    }

    private WebhookDispatcher dispatcher(String url) {
        MockEnvironment environment = new MockEnvironment().withProperty("DEMO_WEBHOOK_SECRET", SECRET);
        if (url != null) {
            environment.setProperty("DEMO_WEBHOOK_URL", url);
        }
        return dispatcher(new WebhookEndpoints(feeds, environment));
    }

    /** The demo organisation's endpoint at the test's receiver, the other organisation's at that one. */
    private WebhookEndpoints demoAndOther(WebhookReceiver other) {
        return new WebhookEndpoints(feeds, new MockEnvironment().withProperty("DEMO_WEBHOOK_SECRET", SECRET)
                .withProperty("DEMO_WEBHOOK_URL", receiver.url()).withProperty("OTHER_WEBHOOK_SECRET", SECRET)
                .withProperty("OTHER_WEBHOOK_URL", other.url()));
    }

    private WebhookDispatcher dispatcher(WebhookEndpoints endpoints) {
        return dispatcher(endpoints, Duration.ofMillis(700));
    }

    private WebhookDispatcher dispatcher(WebhookEndpoints endpoints, Duration timeout) {
        WebhookProperties properties = properties(timeout);
        return new WebhookDispatcher(store, new WebhookSender(properties, clock), endpoints, properties, clock);
    }

    private static WebhookProperties properties(Duration timeout) {
        return new WebhookProperties(Duration.ofMillis(500), timeout, 5, SCHEDULE, 1024, 2,
                new WebhookProperties.CircuitBreaker(3, Duration.ofMinutes(1)));
    }

    private List<UUID> queue(int count) {
        return queue(UUID.fromString(TestFeeds.ORGANIZATION_ID), count);
    }

    /** Queues events of that organisation, due now; returns the ids of every event queued so far. */
    private List<UUID> queue(UUID organization, int count) {
        outbox.queue(IntStream.range(0, count).mapToObj(n -> new QueuedEvent(organization, "test.event",
                "test.event:" + organization + ":" + n,
                "{\"event\":\"test.event\",\"data\":{\"n\":" + n + ",\"name\":\"Ngozi Eze\"}}", null)).toList());
        jdbc.update("update webhook_event set next_attempt_at = ?", Timestamp.from(clock.instant()));
        return jdbc.queryForList("select id from webhook_event", UUID.class);
    }

    private String payloadOf(UUID id) {
        return jdbc.queryForObject("select cast(payload as varchar(10000)) from webhook_event where id = ?", String.class, id);
    }

    private List<String> statuses() {
        return jdbc.queryForList("select concat_ws('|', status, attempts) from webhook_event", String.class);
    }
}
