package org.iepmp.app.gui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.app.task.ManualScheduler;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.junit.jupiter.api.Test;

class NotificationCenterTest {

    private final ManualScheduler timer = new ManualScheduler();
    private final NotificationCenter center = new NotificationCenter(Runnable::run, timer, Duration.ofSeconds(10));

    private static Notice notice(String pkg) {
        return Notice.of(Notice.Kind.INFO, "updates.notice.operation.succeeded.title", "updates.notice.operation.succeeded.text",
                pkg);
    }

    @Test
    void noticesStackOldestFirstAndTheOldestGivesWayBeyondTheLimit() {
        for (String pkg : List.of("a", "b", "c", "d")) {
            center.notify(notice(pkg));
        }
        assertThat(center.shown()).hasSize(NotificationCenter.MAX_SHOWN);
        assertThat(center.shown()).extracting(e -> e.notice().textArgs().get(0)).containsExactly("b", "c", "d");
        assertThat(timer.waiting()).as("the dropped notice's timer is gone").isEqualTo(NotificationCenter.MAX_SHOWN);
    }

    @Test
    void aNoticeDisappearsAfterItsLifetimeOrWhenClosed() {
        center.notify(notice("a"));
        timer.advance(Duration.ofSeconds(5));
        center.notify(notice("b"));
        timer.advance(Duration.ofSeconds(6));
        assertThat(center.shown()).extracting(e -> e.notice().textArgs().get(0)).containsExactly("b");
        center.dismiss(center.shown().get(0));
        assertThat(center.shown()).isEmpty();
        assertThat(timer.waiting()).isZero();
    }

    @Test
    void aNoticeBeingReadStaysUntilReleasedAndThenGetsAFullLifetime() {
        center.notify(notice("a"));
        NotificationCenter.Entry entry = center.shown().get(0);
        center.hold(entry);
        timer.advance(Duration.ofMinutes(5));
        assertThat(center.shown()).containsExactly(entry);
        center.release(entry);
        timer.advance(Duration.ofSeconds(9));
        assertThat(center.shown()).containsExactly(entry);
        timer.advance(Duration.ofSeconds(1));
        assertThat(center.shown()).isEmpty();
    }

    @Test
    void theActionRunsOnceAndDismissesTheNotice() {
        List<String> ran = new ArrayList<>();
        center.notify(notice("a").withAction("updates.notice.available.show", () -> ran.add("show")));
        center.act(center.shown().get(0));
        assertThat(ran).containsExactly("show");
        assertThat(center.shown()).isEmpty();
    }

    @Test
    void operationOutcomesBecomeLocalizedNotices() {
        Messages english = I18n.load().messages(Language.ENGLISH);
        Messages taiwan = I18n.load().messages(Language.TRADITIONAL_CHINESE);
        for (OperationOutcome outcome : OperationOutcome.values()) {
            center.operationEnded("line-monitor", outcome);
        }
        List<Notice> notices = new ArrayList<>();
        // Only the last three stay on screen; check the mapping through a recording notifier instead.
        Notifier recorder = notices::add;
        for (OperationOutcome outcome : OperationOutcome.values()) {
            recorder.operationEnded("line-monitor", outcome);
        }
        assertThat(notices).extracting(Notice::kind).containsExactly(Notice.Kind.FAILURE, Notice.Kind.SUCCESS,
                Notice.Kind.FAILURE, Notice.Kind.WARNING, Notice.Kind.WARNING, Notice.Kind.INFO);
        assertThat(english.get(notices.get(3).textKey(), notices.get(3).textArgs().toArray()))
                .isEqualTo("line-monitor: the change failed and the previous version was restored.");
        assertThat(taiwan.get(notices.get(1).titleKey())).isEqualTo("作業已完成");
        assertThat(center.shown()).hasSize(NotificationCenter.MAX_SHOWN);
    }

    @Test
    void theFlowsNotifierAlsoRunsTheAfterOperationHook() {
        int[] rechecks = {0};
        Notifier flows = new AfterOperationNotifier(center, () -> rechecks[0]++);
        flows.notify(notice("a"));
        assertThat(rechecks[0]).as("a plain notice is no operation end").isZero();
        flows.operationEnded("line-monitor", OperationOutcome.FAILED);
        assertThat(rechecks[0]).isEqualTo(1);
        assertThat(center.shown()).extracting(e -> e.notice().titleKey())
                .containsExactly("updates.notice.operation.succeeded.title", "updates.notice.operation.failed.title");
    }
}
