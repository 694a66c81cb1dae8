package io.heavenbase.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.inmem.InMemProvider;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sequence numbers and supersession of {@link WriteJournal}, with two journals on one shared table
 * standing for two instances whose clocks disagree.
 */
class WriteJournalTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final Backend backend = new InMemProvider().open(new BackendConfig("main", Map.of("type", "inmem")));
    private final SystemTable table = journalTable(backend);

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void givenAStoppedClock_whenSequenceNumbersAreTaken_thenTheyStillIncrease() {
        SequenceClock clock = new SequenceClock(Clock.fixed(NOW, ZoneOffset.UTC));

        long first = clock.next(0);
        long second = clock.next(0);

        assertThat(first).isEqualTo(NOW.toEpochMilli() * 1_000);
        assertThat(second).isEqualTo(first + 1);
        assertThat(clock.next(second + 100)).as("above what the journal holds").isEqualTo(second + 101);
    }

    @Test
    void givenAnInstanceWhoseClockIsAnHourBehind_whenItWritesAfterAPendingEntry_thenItsEntryIsLaterAndSupersedes() {
        WriteJournal ahead = new WriteJournal(table, new SequenceClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        WriteJournal behind = new WriteJournal(table,
                new SequenceClock(Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC)));
        WriteJournal.Ticket interrupted = ahead.begin("upsert", "item", List.of("x", "y"),
                List.of(Map.of("object_id", "x", "title", "old x"), Map.of("object_id", "y", "title", "old y")));

        WriteJournal.Ticket later = behind.begin("delete", "item", List.of("x"), null);
        assertThat(behind.pending().get(0).superseded()).as("not before the later write is stored").isEmpty();
        behind.finish(later);

        assertThat(later.seq()).isGreaterThan(interrupted.seq());
        List<WriteJournal.Entry> pending = behind.pending();
        assertThat(pending).extracting(WriteJournal.Entry::id).containsExactly(interrupted.entryId());
        WriteJournal.Entry old = pending.get(0);
        assertThat(old.ids()).containsExactly("y");
        assertThat(old.superseded()).containsExactly(Map.entry("x", later.seq()));
        assertThat(old.payload()).extracting(row -> row.get("object_id")).containsExactly("y");
        assertThat(old.seq()).isEqualTo(interrupted.seq());
    }

    @Test
    void givenPendingEntriesOfOtherEntitiesOrIds_whenAWriteBegins_thenTheyAreLeftAlone() {
        WriteJournal journal = new WriteJournal(table, new SequenceClock());
        WriteJournal.Ticket otherEntity = journal.begin("upsert", "other", List.of("x"),
                List.of(Map.of("object_id", "x")));
        WriteJournal.Ticket otherId = journal.begin("delete", "item", List.of("y"), null);

        journal.finish(journal.begin("upsert", "item", List.of("x"), List.of(Map.of("object_id", "x"))));

        for (WriteJournal.Entry entry : journal.pending()) {
            assertThat(entry.superseded()).as("entry %s", entry.id()).isEmpty();
        }
        assertThat(journal.pending()).extracting(WriteJournal.Entry::id).containsExactly(otherEntity.entryId(),
                otherId.entryId());
        assertThat(journal.holds("item", "y")).isTrue();
        assertThat(journal.holds("other", "y")).isFalse();
    }

    @Test
    void givenACompletedEntry_whenPending_thenItIsGone() {
        WriteJournal journal = new WriteJournal(table, new SequenceClock());
        WriteJournal.Ticket ticket = journal.begin("delete", "item", List.of("x"), null);

        journal.finish(ticket);

        assertThat(journal.pending()).isEmpty();
        assertThat(journal.holds("item", "x")).isFalse();
        assertThat(table.ids()).isEmpty();
    }

    @Test
    void givenAWriteThatBeganAtTheSameMomentWithALowerSeq_whenTheOtherWriteFinishes_thenItsIdIsSuperseded() {
        WriteJournal journal = new WriteJournal(table, new SequenceClock());
        WriteJournal.Ticket acknowledged = journal.begin("upsert", "item", List.of("x"), List.of(Map.of("object_id", "x")));
        // Another instance read the same empty journal, took a lower number and recorded its entry
        // after this write's entry: it is not there when this write begins, only when it finishes.
        String concurrent = "c0ffee";
        table.upsert(List.of(entryRow(concurrent, acknowledged.seq() - 1, List.of("x", "y"))));

        journal.finish(acknowledged);

        WriteJournal.Entry entry = journal.pending().get(0);
        assertThat(entry.id()).isEqualTo(concurrent);
        assertThat(entry.ids()).containsExactly("y");
        assertThat(entry.superseded()).containsExactly(Map.entry("x", acknowledged.seq()));
        assertThat(journal.holds("item", "x")).isFalse();
    }

    @Test
    void givenAConcurrentWriteWithAHigherSeq_whenTheOtherWriteFinishes_thenItStaysToReplay() {
        WriteJournal journal = new WriteJournal(table, new SequenceClock());
        WriteJournal.Ticket ticket = journal.begin("delete", "item", List.of("x"), null);
        table.upsert(List.of(entryRow("later", ticket.seq() + 1, List.of("x"))));

        journal.finish(ticket);

        assertThat(journal.pending()).singleElement().satisfies(entry -> {
            assertThat(entry.ids()).containsExactly("x");
            assertThat(entry.superseded()).isEmpty();
        });
    }

    @Test
    void givenTwoInstancesSupersedingOneEntry_whenBothFinish_thenBothMarksStayAndTheEntryIsNeverRewritten() {
        WriteJournal first = new WriteJournal(table, new SequenceClock());
        WriteJournal second = new WriteJournal(table, new SequenceClock());
        WriteJournal.Ticket old = first.begin("upsert", "item", List.of("x", "y"),
                List.of(Map.of("object_id", "x"), Map.of("object_id", "y")));
        Map<String, Object> stored = table.fetch(List.of(old.entryId()), List.of("ids", "payload")).get(old.entryId());
        WriteJournal.Ticket onX = first.begin("delete", "item", List.of("x"), null);
        WriteJournal.Ticket onY = second.begin("delete", "item", List.of("y"), null);

        second.finish(onY);
        first.finish(onX);
        second.finish(second.begin("delete", "item", List.of("y"), null));

        WriteJournal.Entry entry = first.pending().get(0);
        assertThat(entry.ids()).isEmpty();
        assertThat(entry.superseded()).containsOnlyKeys("x", "y").containsEntry("x", onX.seq())
                .containsEntry("y", onY.seq());
        assertThat(table.fetch(List.of(old.entryId()), List.of("ids", "payload")).get(old.entryId()))
                .as("the entry's own row").isEqualTo(stored);
        first.complete(entry);
        assertThat(table.ids()).as("entry and markers removed together").isEmpty();
    }

    @Test
    void givenAMarkerWhoseEntryIsGone_whenPendingAndOrphansRemoved_thenNoEntryReappearsAndTheMarkerGoes() {
        WriteJournal journal = new WriteJournal(table, new SequenceClock());
        WriteJournal.Ticket old = journal.begin("delete", "item", List.of("x"), null);
        WriteJournal.Ticket later = journal.begin("delete", "item", List.of("x"), null);
        journal.finish(later);
        // Repair of another instance removes the old entry itself, leaving the marker behind.
        table.delete(List.of(old.entryId()));

        assertThat(journal.pending()).isEmpty();
        assertThat(journal.holds("item", "x")).isFalse();
        assertThat(journal.removeOrphanMarkers()).isEqualTo(1);
        assertThat(table.ids()).isEmpty();
    }

    private static Map<String, Object> entryRow(String id, long seq, List<String> ids) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("object_id", id);
        row.put("seq", seq);
        row.put("op", "delete");
        row.put("entity", "item");
        row.put("ids", ids);
        return row;
    }

    private static SystemTable journalTable(Backend backend) {
        StoragePlan plan = PlacementRules.of(Map.of("main", backend)).plan(SystemEntities.journal());
        backend.ensure(plan.part("main"));
        return new SystemTable(backend, plan.part("main"));
    }
}
