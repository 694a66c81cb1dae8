package io.heavenbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.spi.Hit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HybridLegsTest {

    private static final List<Hit> TEXT = List.of(new Hit("t1", 2.0, null));
    private static final List<Hit> VECTOR = List.of(new Hit("v1", 0.5, null));

    @Test
    void givenLegsOnTwoBackends_whenRun_thenBothRunAtTheSameTime() {
        CountDownLatch vectorStarted = new CountDownLatch(1);

        HybridLegs.Legs legs = HybridLegs.run(() -> {
            // only returns when the vector leg runs meanwhile in another thread
            assertThat(await(vectorStarted)).as("vector leg started while the text leg ran").isTrue();
            return TEXT;
        }, () -> {
            vectorStarted.countDown();
            return VECTOR;
        }, true);

        assertThat(legs.text()).isEqualTo(TEXT);
        assertThat(legs.vector()).isEqualTo(VECTOR);
    }

    @Test
    void givenLegsOnOneBackend_whenRun_thenTheyRunOneAfterTheOtherInTheCallingThread() {
        AtomicReference<Thread> vectorThread = new AtomicReference<>();
        AtomicBoolean textDone = new AtomicBoolean();

        HybridLegs.Legs legs = HybridLegs.run(() -> {
            textDone.set(true);
            return TEXT;
        }, () -> {
            assertThat(textDone).isTrue();
            vectorThread.set(Thread.currentThread());
            return VECTOR;
        }, false);

        assertThat(vectorThread.get()).isSameAs(Thread.currentThread());
        assertThat(legs.vector()).isEqualTo(VECTOR);
    }

    @Test
    void givenTheVectorLegFails_whenRun_thenItsOwnExceptionReachesTheCaller() {
        BackendException failure = new BackendException("vec", "near item", new IllegalStateException("down"));

        assertThatThrownBy(() -> HybridLegs.run(() -> TEXT, () -> {
            throw failure;
        }, true)).isSameAs(failure);
    }

    @Test
    void givenTheTextLegFails_whenRun_thenTheCallerWaitsForTheVectorLegBeforeItThrows() {
        AtomicBoolean vectorEnded = new AtomicBoolean();
        BackendException textFailure = new BackendException("search", "search item",
                new IllegalStateException("down"));
        IllegalStateException vectorFailure = new IllegalStateException("vector down too");
        CountDownLatch textFailed = new CountDownLatch(1);

        assertThatThrownBy(() -> HybridLegs.run(() -> {
            textFailed.countDown();
            throw textFailure;
        }, () -> {
            await(textFailed);
            sleep(50);
            vectorEnded.set(true);
            throw vectorFailure;
        }, true)).isSameAs(textFailure);

        assertThat(vectorEnded).as("the vector leg had ended when the text leg's failure was thrown").isTrue();
        assertThat(textFailure.getSuppressed()).containsExactly(vectorFailure);
    }

    @Test
    void givenTheCallerIsInterrupted_whenRun_thenItStillWaitsForTheVectorLegAndKeepsTheInterrupt() {
        AtomicBoolean vectorEnded = new AtomicBoolean();
        Thread caller = Thread.currentThread();

        HybridLegs.Legs legs = HybridLegs.run(() -> {
            caller.interrupt();
            return TEXT;
        }, () -> {
            sleep(50);
            vectorEnded.set(true);
            return VECTOR;
        }, true);

        assertThat(Thread.interrupted()).as("interrupt kept (and cleared here)").isTrue();
        assertThat(vectorEnded).isTrue();
        assertThat(legs.vector()).isEqualTo(VECTOR);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
