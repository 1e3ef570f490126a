package org.gongshi.server.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.cases.command.CloseCase;
import org.gongshi.ledger.cases.command.DecideNoPenalty;
import org.gongshi.ledger.cases.command.DecidePenalty;
import org.gongshi.ledger.cases.command.ExtendDecisionDeadline;
import org.gongshi.ledger.cases.event.ExtensionApproval;
import org.gongshi.ledger.cases.command.FileCase;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.cases.command.RecordExecution;
import org.gongshi.ledger.cases.command.ServeDecision;
import org.gongshi.ledger.cases.command.RequestHearing;
import org.gongshi.ledger.cases.command.ConcludeHearing;
import org.gongshi.ledger.cases.command.ScheduleHearing;
import org.gongshi.ledger.cases.command.ServePenaltyNotice;
import org.gongshi.ledger.cases.command.TransferToJudiciary;
import org.gongshi.ledger.cases.command.ReviseDecision;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.disclosure.command.DecideDisclosure;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.command.RecordListingStatement;
import org.gongshi.ledger.listings.event.Sanction;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.gongshi.server.roles.ConditionalOnRole;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code --gongshi.demo=true}: seeds a few synthetic bureaus and cases through the same command path
 * a bureau uses (the command gateway, with the bureau as metadata). Every name and code is invented;
 * running it again on the same data directory changes nothing.
 *
 * <p>The scenario is played on the ledger's clock: every act is recorded on its own day, in the order
 * of the calendar, the clock moved forward to 10:00 (Asia/Shanghai) of that day first. A fresh demo
 * ledger therefore starts its clock at {@link #START} unless {@code gongshi.clock.start} says otherwise
 * (see {@code LedgerClocks}); after seeding the clock runs on from the last act, and
 * {@code POST /dev/clock} moves it further (deadlines then fire on it).
 */
@Component
@ConditionalOnRole("command")
@ConditionalOnProperty(name = "gongshi.demo", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Synthetic bureaus: unified social credit codes valid by GB 32100, but invented. */
    public record Bureau(String uscc, String name, String division) {}

    public static final Bureau CHAOYANG = new Bureau("111101050000000191", "北京市朝阳区市场监督管理局（演示）", "110105");
    public static final Bureau PUDONG = new Bureau("11310115000000027Q", "上海市浦东新区知识产权局（演示）", "310115");
    public static final Bureau SHENZHEN = new Bureau("114403000000000359", "深圳市市场监督管理局（演示）", "440300");

    /** Where a fresh demo ledger starts its clock: the morning of the first act of the scenario. */
    public static final String START = "2026-01-05T09:00:00+08:00";

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final LedgerClock clock;
    private final List<Act> played = new ArrayList<>();

    public DemoData(CommandGateway gateway, EventStore eventStore, LedgerClock ledgerClock) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.clock = ledgerClock;
    }

    private record Act(Bureau bureau, Object command, LocalDate on) {}

    @Override
    public void run(ApplicationArguments args) {
        int seeded = 0;
        for (DemoCase demo : cases()) {
            if (seed(demo)) seeded++;
        }
        seedListing();
        // in the order of the calendar (a stable sort keeps each case's acts in their order)
        played.sort(Comparator.comparing(Act::on));
        for (Act act : played) {
            Instant tenOClock = act.on().atTime(10, 0).atZone(LedgerClock.LEGAL_ZONE).toInstant();
            if (clock.settable() && clock.instant().isBefore(tenOClock)) clock.moveForwardTo(tenOClock);
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(act.command())
                    .andMetaData(Map.of(MetadataKeys.BUREAU, act.bureau().uscc(), MetadataKeys.ACTOR, "demo-seeder")));
        }
        log.info("Demo data: {} synthetic cases seeded ({} already present); the ledger's clock is at {}", seeded, cases().size() - seeded,
                clock.instant());
    }

    /**
     * A severe-dishonesty entry with two measures for the company fined twice by Chaoyang (which
     * also makes it a repeated-infringer candidate in the review queue: no listing is made of that).
     */
    private void seedListing() {
        String listingId = id("listing-severe-dishonesty");
        if (eventStore.readEvents(listingId).hasNext()) return;
        String caseId = id("trademark-fine");
        send(CHAOYANG, new ProposeListing(listingId, CHAOYANG.uscc(), CHAOYANG.division(), ListType.SEVERE_DISHONESTY,
                ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, new Subject("北京示例商贸有限公司", "91110000600037341L"), List.of(caseId),
                "当事人以不正当手段恶意申请注册商标共计37件，扰乱商标注册秩序。", LocalDate.of(2026, 4, 1)));
        send(CHAOYANG, new RecordListingStatement(listingId, LocalDate.of(2026, 4, 7), "当事人对事实无异议，请求从轻。"));
        send(CHAOYANG, new DecideListing(listingId, LocalDate.of(2026, 4, 15), true,
                List.of(new Sanction(null, SanctionMeasure.NO_AWARDS, null, null),
                        new Sanction(null, SanctionMeasure.KEY_SUPERVISION, "列为重点监管对象，每季度检查一次", null)),
                null, "恶意商标注册申请行为，情节严重"));
    }

    private boolean seed(DemoCase demo) {
        if (eventStore.readEvents(demo.filing().caseId()).hasNext()) return false;
        send(demo.bureau(), demo.filing());
        for (Object act : demo.acts()) send(demo.bureau(), act);
        return true;
    }

    /** Plays {@code command} on the day it names (the latest of its {@code ...On} dates). */
    private void send(Bureau bureau, Object command) {
        played.add(new Act(bureau, command, dayOf(command)));
    }

    private static LocalDate dayOf(Object command) {
        LocalDate day = LedgerClock.dayOfAct((Record) command);
        if (day == null) throw new IllegalStateException("a demo act names no date: " + command);
        return day;
    }

    record DemoCase(Bureau bureau, FileCase filing, List<Object> acts) {}

    static String id(String name) {
        return UUID.nameUUIDFromBytes(("gongshi-demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static List<DemoCase> cases() {
        String a = id("trademark-fine"), b = id("patent-open-overdue"), c = id("copyright-no-penalty"),
                d = id("trademark-transfer"), e = id("natural-person-fine"), f = id("gi-extended"), g = id("patent-revoked");
        var fine50k = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("50000.00"), "罚款人民币伍万元"),
                new Penalty(PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY, new BigDecimal("12800.00"), "没收侵权商品"));
        var patentFine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("30000.00"), "罚款人民币叁万元"));
        var personFine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("8000.00"), "罚款人民币捌仟元"));
        String h = id("trademark-second-fine");
        return List.of(
                new DemoCase(CHAOYANG, new FileCase(h, CHAOYANG.uscc(), CHAOYANG.name(), CHAOYANG.division(), LocalDate.of(2026, 5, 11),
                        IpType.TRADEMARK, "销售侵犯注册商标专用权的商品", Procedure.ORDINARY, "执法检查",
                        new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, "王示例")),
                        List.of(new ServePenaltyNotice(h, LocalDate.of(2026, 5, 13), patentFine, false, true),
                                new DecidePenalty(h, id("trademark-second-fine/decision"), "京朝市监罚〔2026〕188号", LocalDate.of(2026, 5, 27),
                                        patentFine, "《中华人民共和国商标法》第六十条第二款", "当事人再次销售侵犯注册商标专用权的箱包共计45件。"),
                                new DecideDisclosure(h, DisclosureAction.PUBLISH, LocalDate.of(2026, 6, 1), null, null, List.of()))),
                new DemoCase(CHAOYANG, new FileCase(a, CHAOYANG.uscc(), CHAOYANG.name(), CHAOYANG.division(), LocalDate.of(2026, 2, 10),
                        IpType.TRADEMARK, "销售侵犯注册商标专用权的商品", Procedure.ORDINARY, "权利人投诉",
                        new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, "王示例")),
                        List.of(new ServePenaltyNotice(a, LocalDate.of(2026, 2, 12), fine50k, true, false),
                                new DecidePenalty(a, id("trademark-fine/decision"), "京朝市监罚〔2026〕101号", LocalDate.of(2026, 3, 2), fine50k,
                                        "《中华人民共和国商标法》第六十条第二款", "当事人销售侵犯注册商标专用权的服装共计120件。"),
                                new ServeDecision(a, LocalDate.of(2026, 3, 4), "直接送达"),
                                new DecideDisclosure(a, DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 5), null, null, List.of()),
                                new RecordExecution(a, LocalDate.of(2026, 3, 12), new BigDecimal("50000.00"), "银行缴款"),
                                new CloseCase(a, LocalDate.of(2026, 3, 20), "执行完毕"))),
                new DemoCase(PUDONG, new FileCase(b, PUDONG.uscc(), PUDONG.name(), PUDONG.division(), LocalDate.of(2026, 1, 5),
                        IpType.PATENT, "假冒专利", Procedure.ORDINARY, "日常检查",
                        new Party(PartyKind.LEGAL_PERSON, "上海示例科技有限公司", "91310000132200004B", null, "李示例")),
                        List.of()),
                new DemoCase(PUDONG, new FileCase(c, PUDONG.uscc(), PUDONG.name(), PUDONG.division(), LocalDate.of(2026, 4, 7),
                        IpType.COPYRIGHT, "未经许可复制发行计算机软件", Procedure.ORDINARY, "举报",
                        new Party(PartyKind.LEGAL_PERSON, "上海示例软件有限公司", "9133010078901234X6", null, "赵示例")),
                        List.of(new DecideNoPenalty(c, id("copyright-no-penalty/decision"), "沪浦知不罚〔2026〕7号", LocalDate.of(2026, 5, 20),
                                "《中华人民共和国行政处罚法》第三十三条第一款", "违法行为轻微并及时改正，没有造成危害后果。"),
                                new ServeDecision(c, LocalDate.of(2026, 5, 22), "邮寄送达"),
                                new CloseCase(c, LocalDate.of(2026, 5, 25), "不予处罚"))),
                new DemoCase(SHENZHEN, new FileCase(d, SHENZHEN.uscc(), SHENZHEN.name(), SHENZHEN.division(), LocalDate.of(2026, 3, 16),
                        IpType.TRADEMARK, "制造假冒注册商标的商品", Procedure.ORDINARY, "公安移交线索",
                        new Party(PartyKind.LEGAL_PERSON, "深圳示例电子有限公司", "91440300192345678M", null, "陈示例")),
                        List.of(new TransferToJudiciary(d, LocalDate.of(2026, 3, 30), "深圳市公安局（演示）", "涉嫌假冒注册商标罪，非法经营额超过追诉标准",
                                        LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 30)),
                                new CloseCase(d, LocalDate.of(2026, 4, 2), "移送司法机关"))),
                new DemoCase(SHENZHEN, new FileCase(e, SHENZHEN.uscc(), SHENZHEN.name(), SHENZHEN.division(), LocalDate.of(2026, 6, 1),
                        IpType.TRADEMARK, "销售侵犯注册商标专用权的商品", Procedure.ORDINARY, "网络巡查",
                        new Party(PartyKind.NATURAL_PERSON, "刘示例", null, "440305198506123021", null)),
                        List.of(new ServePenaltyNotice(e, LocalDate.of(2026, 6, 3), personFine, true, false),
                                new RequestHearing(e, LocalDate.of(2026, 6, 5)),
                                new ScheduleHearing(e, LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 24)),
                                new ConcludeHearing(e, LocalDate.of(2026, 6, 24), "当事人陈述申辩理由不成立"),
                                new DecidePenalty(e, id("natural-person-fine/decision"), "深市监罚〔2026〕233号", LocalDate.of(2026, 7, 1),
                                        personFine, "《中华人民共和国商标法》第六十条第二款",
                                        "当事人刘示例（住深圳市南山区示例路88号，电话13912345678）通过网店销售侵犯注册商标专用权的手提包15个，其同住人张第三人协助发货。"),
                                new DecideDisclosure(e, DisclosureAction.PUBLISH, LocalDate.of(2026, 7, 8), null, null,
                                        List.of("深圳市南山区示例路88号", "张第三人")))),
                new DemoCase(PUDONG, new FileCase(g, PUDONG.uscc(), PUDONG.name(), PUDONG.division(), LocalDate.of(2026, 5, 6),
                        IpType.PATENT, "假冒专利", Procedure.ORDINARY, "举报",
                        new Party(PartyKind.LEGAL_PERSON, "上海示例医疗器械有限公司", "91310000132200004B", null, "孙示例")),
                        List.of(new ServePenaltyNotice(g, LocalDate.of(2026, 5, 20), patentFine, false, true),
                                new DecidePenalty(g, id("patent-revoked/decision"), "沪浦知罚〔2026〕15号", LocalDate.of(2026, 6, 3), patentFine,
                                        "《中华人民共和国专利法》第六十八条", "当事人在产品包装上标注已失效的专利号。"),
                                new DecideDisclosure(g, DisclosureAction.PUBLISH, LocalDate.of(2026, 6, 10), null, null, List.of()),
                                new ReviseDecision(g, RevisionKind.REVOKED, RevisionBy.RECONSIDERATION, "沪浦复〔2026〕3号",
                                        LocalDate.of(2026, 9, 1), "经行政复议，原处罚决定认定事实不清，予以撤销。", List.of()))),
                new DemoCase(CHAOYANG, new FileCase(f, CHAOYANG.uscc(), CHAOYANG.name(), CHAOYANG.division(), LocalDate.of(2026, 8, 3),
                        IpType.GEOGRAPHICAL_INDICATION, "擅自使用地理标志专用标志", Procedure.ORDINARY, "执法检查",
                        new Party(PartyKind.INDIVIDUAL_BUSINESS, "朝阳区示例茶叶店", "92320506123456788L", null, "周示例")),
                        List.of(new ExtendDecisionDeadline(f, ExtensionApproval.HEAD, LocalDate.of(2026, 10, 30), 30, null, "需进行产地鉴定"))));
    }
}
