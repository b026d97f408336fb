//! One test per rule family: a real Chinese sentence in, the expected
//! entities and triples out.

use ftzkg::corpus::parse_text;
use ftzkg::extract::Extractor;
use ftzkg::model::{Class, Extraction, Property};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("extractor"))
}

/// Extracts a one-article document whose title is `title`.
fn extract(title: &str, body: &str) -> Extraction {
    let document = parse_text("test.txt", &format!("{title}\n\n{body}"));
    extractor().extract_document(&document).remove(0)
}

fn has_entity(x: &Extraction, class: Class, label: &str) -> bool {
    x.entities
        .iter()
        .any(|e| e.class == class && (e.label == label || e.aliases.contains(label)))
}

fn has_relation(x: &Extraction, s: &str, p: Property, o: &str) -> bool {
    x.relations.iter().any(|r| {
        r.subject.label == s && r.property == p && r.object.label == o && !r.evidence.is_empty()
    })
}

fn entities(x: &Extraction) -> String {
    x.entities
        .iter()
        .map(|e| format!("{}:{}", e.class, e.label))
        .collect::<Vec<_>>()
        .join(", ")
}

fn relations(x: &Extraction) -> String {
    x.relations
        .iter()
        .map(|r| format!("{} {} {}", r.subject.label, r.property, r.object.label))
        .collect::<Vec<_>>()
        .join("\n")
}

const HARBIN: &str = "中国（黑龙江）自由贸易试验区哈尔滨片区";

#[test]
fn reference_names_and_full_area_names_state_part_of_and_located_in() {
    let x = extract(
        "哈尔滨片区稳步扩大制度型开放",
        "中国（黑龙江）自由贸易试验区哈尔滨片区（以下简称“哈尔滨片区”）位于哈尔滨，作为黑龙江向北开放的重要合作平台，成立 5 年来成效明显。",
    );
    assert!(has_entity(&x, Class::Area, HARBIN), "{}", entities(&x));
    assert!(has_entity(
        &x,
        Class::FreeTradeZone,
        "中国（黑龙江）自由贸易试验区"
    ));
    assert!(
        has_relation(&x, HARBIN, Property::PartOf, "中国（黑龙江）自由贸易试验区"),
        "{}",
        relations(&x)
    );
    assert!(has_relation(&x, HARBIN, Property::LocatedIn, "哈尔滨"));
    assert!(has_relation(
        &x,
        "中国（黑龙江）自由贸易试验区",
        Property::LocatedIn,
        "黑龙江"
    ));
}

#[test]
fn a_place_named_only_inside_an_area_name_is_not_stated() {
    let x = extract(
        "横琴片区推进琴澳规则衔接",
        "中国（广东）自由贸易试验区珠海横琴新区片区推进规则衔接，澳门居民在横琴就医可直接结算。",
    );
    let hengqin = "中国（广东）自由贸易试验区珠海横琴新区片区";
    assert!(
        has_relation(&x, hengqin, Property::LocatedIn, "横琴"),
        "{}",
        relations(&x)
    );
    // 珠海 appears only inside the area's name: no entity, no relation.
    assert!(!has_entity(&x, Class::Place, "珠海"), "{}", entities(&x));
    assert!(!has_relation(&x, hengqin, Property::LocatedIn, "珠海"));
}

#[test]
fn quoted_practices_replicated_by_the_topic_area() {
    let x = extract(
        "自贸试验区哈尔滨片区稳步扩大制度型开放",
        "今年上半年复制推广“跨境贸易投资便利化集成创新”“科技创新‘五力’新模式”等 20 项先进经验。",
    );
    for practice in ["跨境贸易投资便利化集成创新", "科技创新五力新模式"] {
        assert!(
            has_entity(&x, Class::Practice, practice),
            "{}",
            entities(&x)
        );
        assert!(
            has_relation(&x, practice, Property::ReplicatedIn, HARBIN),
            "{}",
            relations(&x)
        );
    }
}

#[test]
fn selected_cases_are_recognised_and_originate_in_the_topic_area() {
    let x = extract(
        "自贸试验区哈尔滨片区稳步扩大制度型开放",
        "今年 1 月，“无感续证”成功入选全国第五批自贸试验区“最佳实践案例”。",
    );
    assert!(
        has_entity(&x, Class::Recognition, "全国第五批自贸试验区最佳实践案例"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "无感续证",
            Property::RecognizedAs,
            "全国第五批自贸试验区最佳实践案例"
        ),
        "{}",
        relations(&x)
    );
    assert!(has_relation(&x, "无感续证", Property::OriginatedIn, HARBIN));
}

#[test]
fn policies_in_book_title_marks_are_issued_by_the_bodies_before_the_verb() {
    let x = extract(
        "湖北省推出创新科技券",
        "湖北省科技厅与财政厅近日联合发布了《湖北省科技创新券管理办法》。",
    );
    assert!(has_entity(&x, Class::Policy, "湖北省科技创新券管理办法"));
    assert!(
        has_entity(&x, Class::GovernmentBody, "湖北省财政厅"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "湖北省科技厅",
            Property::Issued,
            "湖北省科技创新券管理办法"
        ),
        "{}",
        relations(&x)
    );
    assert!(has_relation(
        &x,
        "湖北省财政厅",
        Property::Issued,
        "湖北省科技创新券管理办法"
    ));
}

#[test]
fn a_policy_applies_to_the_zones_named_between_zai_and_yunxu() {
    let x = extract(
        "医疗领域扩大开放试点政策落地",
        "商务部、国家卫生健康委、国家药监局三部门于9月8日发布《关于在医疗领域开展扩大开放试点工作的通知》，明确了在中国（北京）自由贸易试验区、中国（上海）自由贸易试验区和海南自由贸易港允许外商投资企业从事技术开发。",
    );
    let policy = "关于在医疗领域开展扩大开放试点工作的通知";
    for body in ["商务部", "国家卫生健康委", "国家药监局"] {
        assert!(
            has_relation(&x, body, Property::Issued, policy),
            "{body}\n{}",
            relations(&x)
        );
    }
    for zone in [
        "中国（北京）自由贸易试验区",
        "中国（上海）自由贸易试验区",
        "海南自由贸易港",
    ] {
        assert!(
            has_relation(&x, policy, Property::AppliesTo, zone),
            "{zone}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn firms_by_suffix_and_in_apposition_are_based_in_the_area() {
    let x = extract(
        "自贸试验区哈尔滨片区稳步扩大制度型开放",
        "片区企业哈尔滨电气国际工程有限责任公司大胆尝试和管理创新。2024 年，片区内企业——哈欧国际物流创新探索集装箱液袋直运模式，有效解决了运输难题。",
    );
    assert!(
        has_entity(&x, Class::Firm, "哈尔滨电气国际工程有限责任公司"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "哈尔滨电气国际工程有限责任公司",
            Property::BasedIn,
            HARBIN
        ),
        "{}",
        relations(&x)
    );
    assert!(has_relation(&x, "哈欧国际物流", Property::BasedIn, HARBIN));
    assert!(has_relation(
        &x,
        "集装箱液袋直运模式",
        Property::OriginatedIn,
        "哈欧国际物流"
    ));
}

#[test]
fn enumerated_quoted_platforms_are_operated_and_originated() {
    let x = extract(
        "绥芬河片区以创新助力向北开放",
        "中国（黑龙江）自由贸易试验区绥芬河片区打造服务平台。先后创新开发并上线运营了“绥意办”“绥宜购”“绥意游”等系列数字服务平台，覆盖政务服务等领域。",
    );
    let area = "中国（黑龙江）自由贸易试验区绥芬河片区";
    for platform in ["绥意办", "绥宜购", "绥意游"] {
        assert!(
            has_entity(&x, Class::Platform, platform),
            "{}",
            entities(&x)
        );
        assert!(
            has_relation(&x, area, Property::Operates, platform),
            "{}",
            relations(&x)
        );
    }
}

#[test]
fn recognitions_listed_after_huopi_and_zone_types_among_them() {
    let x = extract(
        "绥芬河片区以创新助力向北开放",
        "中国（黑龙江）自由贸易试验区绥芬河片区设立以来，先后获批了肉类进口指定口岸、中药材进口指定口岸、跨境电子商务综合试验区等资质。",
    );
    let area = "中国（黑龙江）自由贸易试验区绥芬河片区";
    assert!(
        has_relation(&x, area, Property::RecognizedAs, "肉类进口指定口岸"),
        "{}",
        relations(&x)
    );
    assert!(has_relation(
        &x,
        area,
        Property::RecognizedAs,
        "中药材进口指定口岸"
    ));
    assert!(
        has_entity(&x, Class::SpecialZone, "跨境电子商务综合试验区"),
        "{}",
        entities(&x)
    );
}

#[test]
fn special_zones_built_by_a_zone_are_part_of_it() {
    let x = extract(
        "绥芬河片区建强园区平台",
        "地处绥芬河的绥芬河综合保税区打造“一区四园”，即：保税展示产业园、保税加工产业园、保税维修产业园。",
    );
    assert!(has_entity(&x, Class::SpecialZone, "绥芬河综合保税区"));
    assert!(
        has_relation(&x, "绥芬河综合保税区", Property::LocatedIn, "绥芬河"),
        "{}",
        relations(&x)
    );
    for park in ["保税展示产业园", "保税加工产业园", "保税维修产业园"] {
        assert!(
            has_relation(&x, park, Property::PartOf, "绥芬河综合保税区"),
            "{park}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn quoted_name_with_a_head_noun_becomes_one_practice() {
    let x = extract(
        "哈尔滨片区养老服务",
        "哈尔滨片区构建了“1+4+N”的养老综合服务模式，互市贸易区建立“合作社+落地加工企业”模式。",
    );
    assert!(
        has_entity(&x, Class::Practice, "1+4+N养老综合服务模式"),
        "{}",
        entities(&x)
    );
    assert!(has_entity(&x, Class::Practice, "合作社+落地加工企业模式"));
}

#[test]
fn practices_listed_after_tuixing() {
    let x = extract(
        "绥芬河片区精简审批流程",
        "绥芬河片区实施一枚印章管审批，全面推行一网通办、容缺受理、不见面审批，梳理公布政务服务事项清单。",
    );
    for p in ["一枚印章管审批", "一网通办", "容缺受理", "不见面审批"] {
        assert!(has_entity(&x, Class::Practice, p), "{p}: {}", entities(&x));
    }
}

#[test]
fn aliases_declared_in_the_text_resolve_later_mentions() {
    let x = extract(
        "冰城造星小巨人",
        "9月，哈尔滨工大卫星技术有限公司（以下简称“哈工大卫星”）研制的3颗低轨卫星成功发射。今年9月，成立不足4年的哈工大卫星公司被认定为国家级专精特新“小巨人”企业。",
    );
    let firm = "哈尔滨工大卫星技术有限公司";
    let e = x.entities.iter().find(|e| e.label == firm).expect("firm");
    assert!(e.aliases.contains("哈工大卫星"), "{:?}", e.aliases);
    assert!(
        has_relation(&x, firm, Property::RecognizedAs, "国家级专精特新小巨人企业"),
        "{}",
        relations(&x)
    );
}

#[test]
fn the_same_firm_named_two_ways_in_two_articles_is_one_node() {
    let text = "自贸动态\n\n第 1 期\n\n（一）卫星企业发展\n\n哈尔滨工大卫星技术有限公司（以下简称“哈工大卫星”）研制的卫星成功发射。\n\n（二）卫星企业获认定\n\n哈工大卫星被认定为国家级专精特新“小巨人”企业。";
    let document = parse_text("two.txt", text);
    let xs = extractor().extract_document(&document);
    let firm = "哈尔滨工大卫星技术有限公司";
    assert!(xs[0].entities.iter().any(|e| e.label == firm));
    assert!(
        xs[1].entities.iter().any(|e| e.label == firm),
        "{}",
        entities(&xs[1])
    );
    assert!(!xs[1].entities.iter().any(|e| e.label == "哈工大卫星"));
}

#[test]
fn statistics_carry_value_unit_measure_and_qualifier() {
    let x = extract("哈尔滨片区", "哈尔滨片区截至目前，累计完成 74 项试点任务。");
    let s = x
        .statistics
        .iter()
        .find(|s| s.value == "74")
        .expect("statistic");
    assert_eq!(
        (s.unit.as_str(), s.measure.as_str(), s.qualifier.as_deref()),
        ("项", "试点任务", Some("累计"))
    );
    assert_eq!(s.subject.as_ref().map(|k| k.label.as_str()), Some(HARBIN));
}

#[test]
fn every_relation_of_the_sample_carries_evidence_from_its_article() {
    let document = parse_text("sample", ftzkg::commands::SAMPLE);
    let xs = extractor().extract_document(&document);
    assert!(xs.iter().map(|x| x.relations.len()).sum::<usize>() > 50);
    for (article, x) in document.articles.iter().zip(&xs) {
        let sentences: Vec<&str> = std::iter::once(article.title.as_str())
            .chain(article.sentences())
            .collect();
        for r in &x.relations {
            assert!(!r.evidence.is_empty(), "{r:?}");
            for e in &r.evidence {
                assert!(
                    sentences.contains(&e.as_str()),
                    "evidence not a sentence of its article: {e}"
                );
            }
        }
    }
}

#[test]
fn annex_table_rows_are_read_by_their_column_headers() {
    let notice = "江苏省自由贸易试验区工作办公室\n苏自贸办发〔2025〕9号\n关于复制推广第五批改革试点经验的通知\n各片区管委会，省各有关部门：\n现将第五批改革试点经验印发给你们，请结合实际复制推广。\n附件：改革试点经验清单\n序号｜改革事项｜主要内容｜经验来源｜推广范围\n1｜跨境电商退货中心仓模式｜退货商品入仓分拣｜南京片区｜苏州片区、连云港片区\n2｜企业登记智能审批｜自动审批｜苏州片区｜全省各片区";
    let document = parse_text("notice.txt", notice);
    let x = extractor().extract_document(&document).remove(0);
    let nanjing = "中国（江苏）自由贸易试验区南京片区";
    let suzhou = "中国（江苏）自由贸易试验区苏州片区";
    let lianyungang = "中国（江苏）自由贸易试验区连云港片区";
    assert!(
        has_entity(&x, Class::Practice, "跨境电商退货中心仓模式"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "跨境电商退货中心仓模式",
            Property::OriginatedIn,
            nanjing
        ),
        "{}",
        relations(&x)
    );
    assert!(has_relation(
        &x,
        "跨境电商退货中心仓模式",
        Property::ReplicatedIn,
        suzhou
    ));
    assert!(has_relation(
        &x,
        "跨境电商退货中心仓模式",
        Property::ReplicatedIn,
        lianyungang
    ));
    // "全省各片区" names no zone: no replication is stated.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.label == "企业登记智能审批" && r.property == Property::ReplicatedIn),
        "{}",
        relations(&x)
    );
    assert!(has_relation(
        &x,
        "企业登记智能审批",
        Property::OriginatedIn,
        suzhou
    ));
    // The notice itself is a policy issued by the office above its 文号.
    assert!(
        has_entity(&x, Class::Policy, "关于复制推广第五批改革试点经验的通知"),
        "{}",
        entities(&x)
    );
    assert!(
        x.relations.iter().any(|r| r.property == Property::Issued
            && r.object.label == "关于复制推广第五批改革试点经验的通知"),
        "{}",
        relations(&x)
    );
}

#[test]
fn space_aligned_annex_table_with_wrapped_cells_and_title_above_the_number() {
    let notice = "四川省人民政府关于复制推广自由贸易试验区制度创新成果的通知\n\n川府函〔2024〕15号\n\n各市（州）人民政府，省政府各部门：\n\n现将《制度创新成果清单》印发给你们，请认真贯彻执行。\n\n附件\n\n序号  成果名称                        经验来源              推广范围                  责任单位\n1     知识产权质押融资“银行+保险+担保”  成都天府新区片区      川南临港片区、            省市场监管局、\n      风险分担机制                                            德阳协同改革先行区        成都海关\n2     进口肉类“冷链前置仓”通关模式      川南临港片区          全省                      省商务厅\n\n四川省人民政府办公厅                                  2024年3月20日印发";
    let document = parse_text("notice.txt", notice);
    let x = extractor().extract_document(&document).remove(0);
    let practice = "知识产权质押融资银行+保险+担保风险分担机制";
    assert!(
        has_entity(&x, Class::Practice, practice),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::OriginatedIn,
            "中国（四川）自由贸易试验区成都天府新区片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(has_relation(
        &x,
        practice,
        Property::ReplicatedIn,
        "中国（四川）自由贸易试验区川南临港片区"
    ));
    assert!(has_relation(
        &x,
        practice,
        Property::ReplicatedIn,
        "德阳协同改革先行区"
    ));
    assert!(
        has_entity(&x, Class::GovernmentBody, "成都海关"),
        "{}",
        entities(&x)
    );
    assert!(has_relation(
        &x,
        "四川省人民政府",
        Property::Issued,
        "四川省人民政府关于复制推广自由贸易试验区制度创新成果的通知"
    ));
    assert!(has_relation(
        &x,
        "四川省人民政府",
        Property::Issued,
        "制度创新成果清单"
    ));
    // The signature line after the table is not a row.
    assert!(!has_entity(&x, Class::Practice, "四川省人民政府办公厅"));
}

#[test]
fn markdown_annex_table_skips_its_rule_line() {
    let notice = "京商自贸字〔2024〕12号\n关于印发第四批制度创新案例的通知\n各有关单位：\n现将案例印发给你们。\n附件\n| 序号 | 案例名称 | 经验来源 | 复制推广范围 |\n|---|---|---|---|\n| 1 | 跨境数据流动白名单机制 | 科技创新片区 | 高端产业片区 |";
    let document = parse_text("notice.txt", notice);
    let x = extractor().extract_document(&document).remove(0);
    let practice = "跨境数据流动白名单机制";
    assert!(
        has_relation(
            &x,
            practice,
            Property::OriginatedIn,
            "中国（北京）自由贸易试验区科技创新片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(has_relation(
        &x,
        practice,
        Property::ReplicatedIn,
        "中国（北京）自由贸易试验区高端产业片区"
    ));
    assert!(
        !x.entities.iter().any(|e| e.label.contains("---")),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_practice_named_after_its_area_started_there_and_keeps_its_prefix() {
    let x = extract(
        "安徽自贸试验区十佳案例",
        "芜湖片区商品车出口“江海直达、一次通关”模式成效明显。",
    );
    let practice = "商品车出口江海直达、一次通关模式";
    assert!(
        has_entity(&x, Class::Practice, practice),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::OriginatedIn,
            "中国（安徽）自由贸易试验区芜湖片区"
        ),
        "{}",
        relations(&x)
    );
}

// Issue #9 rule families: where zones lie, what they contain, what a
// policy applies to, who made a practice, and copies that name an origin.

#[test]
fn a_zone_that_spans_places_lies_in_each() {
    let x = extract(
        "综合保税区建设提速",
        "衡阳综合保税区地跨衡阳、株洲两地，今年进出口值增长两成。",
    );
    assert!(
        has_relation(&x, "衡阳综合保税区", Property::LocatedIn, "株洲"),
        "{}",
        relations(&x)
    );
}

#[test]
fn an_area_covers_the_special_zones_named_after_its_verb() {
    let x = extract(
        "片区概况",
        "中国（湖南）自由贸易试验区长沙片区涵盖长沙黄花综合保税区，面积约 79.98 平方公里。",
    );
    assert!(
        has_relation(
            &x,
            "长沙黄花综合保税区",
            Property::PartOf,
            "中国（湖南）自由贸易试验区长沙片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_policy_applies_to_the_zones_after_shi_yong_yu() {
    let x = extract(
        "省政府出台支持措施",
        "省政府印发《关于支持开放型经济发展的若干措施》。该措施适用于中国（湖南）自由贸易试验区长沙片区和中国（湖南）自由贸易试验区岳阳片区。",
    );
    for area in [
        "中国（湖南）自由贸易试验区长沙片区",
        "中国（湖南）自由贸易试验区岳阳片区",
    ] {
        assert!(
            has_relation(
                &x,
                "关于支持开放型经济发展的若干措施",
                Property::AppliesTo,
                area
            ),
            "{}",
            relations(&x)
        );
    }
}

#[test]
fn the_creator_named_after_a_practice_originated_it() {
    let x = extract(
        "改革经验来源",
        "其中，“海关预裁定快速通道”模式源自中国（天津）自由贸易试验区；“船舶一站式登记”模式由中国（福建）自由贸易试验区平潭片区率先试点。",
    );
    let r = relations(&x);
    assert!(
        r.contains("模式 originatedIn 中国（天津）自由贸易试验区"),
        "{r}\n{}",
        entities(&x)
    );
    assert!(
        r.contains("船舶一站式登记模式 originatedIn 中国（福建）自由贸易试验区平潭片区"),
        "{r}"
    );
}

#[test]
fn an_area_named_short_is_part_of_the_zone_the_article_names_elsewhere() {
    let x = extract(
        "中国（湖南）自由贸易试验区建设成效",
        "岳阳片区新增市场主体 2000 余家。",
    );
    assert!(
        has_relation(
            &x,
            "中国（湖南）自由贸易试验区岳阳片区",
            Property::PartOf,
            "中国（湖南）自由贸易试验区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_copy_names_its_origin_and_a_copy_to_no_named_zone_states_none() {
    let x = extract(
        "复制推广成效",
        "中国（湖南）自由贸易试验区岳阳片区学习借鉴中国（辽宁）自由贸易试验区大连片区首创的“保税仓储一证通”经验。“企业开办一日办”已在全省复制推广。",
    );
    let r = relations(&x);
    let states = |property: &str, zone: &str| {
        r.lines()
            .any(|l| l.starts_with("保税仓储一证通") && l.ends_with(&format!(" {property} {zone}")))
    };
    assert!(
        states("replicatedIn", "中国（湖南）自由贸易试验区岳阳片区"),
        "{r}"
    );
    assert!(
        states("originatedIn", "中国（辽宁）自由贸易试验区大连片区"),
        "{r}"
    );
    assert!(!r.contains("企业开办一日办 replicatedIn"), "{r}");
}

#[test]
fn firms_described_by_where_they_are_are_based_there() {
    let x = extract(
        "两江片区化解跨境纠纷",
        "中国（重庆）自由贸易试验区两江片区内的外资企业重庆博纳精密机械有限公司通过该机制化解了纠纷。\
         在果园港片区从事汽摩配件出口的重庆渝川机电有限公司物流主管说，成本下降了。\
         目前已有湖南湘机国际贸易有限公司等21家片区企业完成备案。",
    );
    let liangjiang = "中国（重庆）自由贸易试验区两江片区";
    for (firm, zone) in [
        ("重庆博纳精密机械有限公司", liangjiang),
        (
            "重庆渝川机电有限公司",
            "中国（重庆）自由贸易试验区果园港片区",
        ),
        // 等21家片区企业: the article's area.
        ("湖南湘机国际贸易有限公司", liangjiang),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}: {}",
            relations(&x)
        );
    }
}

#[test]
fn a_verb_between_a_zone_and_a_firm_is_not_a_description() {
    let x = extract(
        "两江片区动态",
        "中国（重庆）自由贸易试验区两江片区推动企业重庆博纳精密机械有限公司与高校合作。",
    );
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.label == "重庆博纳精密机械有限公司"
                && r.property == Property::BasedIn),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_table_of_copies_under_a_case_card_copies_the_cards_practice() {
    let x = extract(
        "制度创新案例申报表",
        "案例名称：涉外商事纠纷“诉调仲”一站式解决机制\n\n\
         复制推广情况：\n\n\
         该机制已在多个自贸片区复制推广，具体情况如下：\n\n\
         序号\t复制推广片区\t复制时间\t受理案件数（件）\n\
         1\t广州南沙新区片区\t2020年9月\t1236\n\
         2\t中国（福建）自由贸易试验区厦门片区\t2022年6月\t530\n\n\
         注：受理案件数统计截至2023年12月31日。",
    );
    let practice = "涉外商事纠纷诉调仲一站式解决机制";
    for zone in [
        "中国（广东）自由贸易试验区广州南沙新区片区",
        "中国（福建）自由贸易试验区厦门片区",
    ] {
        assert!(
            has_relation(&x, practice, Property::ReplicatedIn, zone),
            "{zone}: {}",
            relations(&x)
        );
    }
}

#[test]
fn a_quoted_practice_that_is_a_zones_first_made_practice_started_there() {
    let x = extract(
        "青禾片区动态",
        "您好！设备租赁“一站式登记”是青禾综合保税区2021年首创的做法。\
         调研组详细了解青禾综合保税区保税研发“分类核销”运行情况。",
    );
    assert!(
        has_relation(
            &x,
            "设备租赁一站式登记",
            Property::OriginatedIn,
            "青禾综合保税区"
        ),
        "{}",
        relations(&x)
    );
    // A verb of looking at things never starts a name.
    assert!(
        !x.entities.iter().any(|e| e.label.contains("了解")),
        "{}",
        entities(&x)
    );
}

#[test]
fn provinces_listed_before_a_shared_zone_head_are_the_zones() {
    let x = extract(
        "自贸动态",
        "“跨境数据沙盒”模式已被重庆、四川两地自贸试验区复制推广。\
         上述经验主要来自上海、天津、福建等自贸试验区的探索实践。",
    );
    for zone in [
        "中国（重庆）自由贸易试验区",
        "中国（四川）自由贸易试验区",
        "中国（上海）自由贸易试验区",
        "中国（福建）自由贸易试验区",
    ] {
        assert!(
            has_entity(&x, Class::FreeTradeZone, zone),
            "{zone}: {}",
            entities(&x)
        );
    }
    assert!(
        has_relation(
            &x,
            "跨境数据沙盒模式",
            Property::ReplicatedIn,
            "中国（四川）自由贸易试验区"
        ),
        "{}",
        relations(&x)
    );
    // The provinces are not places here.
    assert!(!has_entity(&x, Class::Place, "四川"), "{}", entities(&x));
}

#[test]
fn a_copy_of_a_bodys_quoted_practice_names_its_maker() {
    let x = extract(
        "青禾片区动态",
        "岳阳片区对标中国（四川）自由贸易试验区人民法院的“诉调一键通”，设立纠纷化解中心。\
         长沙片区学习借鉴中国（辽宁）自由贸易试验区沈阳片区企业注销“一网清”经验。",
    );
    assert!(
        has_relation(
            &x,
            "诉调一键通",
            Property::OriginatedIn,
            "中国（四川）自由贸易试验区人民法院"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "诉调一键通",
            Property::ReplicatedIn,
            "中国（湖南）自由贸易试验区岳阳片区"
        ),
        "{}",
        relations(&x)
    );
    // 对标 ends the copying zone's name; the words before a quote are not a firm.
    assert!(
        !x.entities.iter().any(|e| e.label.contains("对标")),
        "{}",
        entities(&x)
    );
    assert!(!has_entity(&x, Class::Firm, "注销"), "{}", entities(&x));
}

#[test]
fn a_quote_after_what_a_zone_made_is_a_practice_with_its_origin() {
    let x = extract(
        "自贸动态",
        "两江片区首创的保税研发检测“一体化监管”在两路果园港综合保税区推广应用。\
         金义片区首创的市场采购贸易“组货人”备案制实现全流程线上办理。",
    );
    assert!(
        has_relation(
            &x,
            "保税研发检测一体化监管",
            Property::OriginatedIn,
            "中国（重庆）自由贸易试验区两江片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "保税研发检测一体化监管",
            Property::ReplicatedIn,
            "两路果园港综合保税区"
        ),
        "{}",
        relations(&x)
    );
    // …制 endings close the name after the quote.
    assert!(
        has_entity(&x, Class::Practice, "市场采购贸易组货人备案制"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_policy_applies_where_the_clause_after_its_title_says() {
    let x = extract(
        "关于印发方案的通知",
        "省商务厅印发《江苏省研发用物品进口试点实施方案》，在南京、苏州片区范围内实施。\
         海口海关印发《保税研发白名单管理办法》，面向海口综合保税区和洋浦保税港区实施。",
    );
    for (policy, zone) in [
        (
            "江苏省研发用物品进口试点实施方案",
            "中国（江苏）自由贸易试验区南京片区",
        ),
        (
            "江苏省研发用物品进口试点实施方案",
            "中国（江苏）自由贸易试验区苏州片区",
        ),
        ("保税研发白名单管理办法", "海口综合保税区"),
        ("保税研发白名单管理办法", "洋浦保税港区"),
    ] {
        assert!(
            has_relation(&x, policy, Property::AppliesTo, zone),
            "{policy} {zone}: {}",
            relations(&x)
        );
    }
    // 南京 in 南京、苏州片区 is the area, not the city.
    assert!(!has_entity(&x, Class::Place, "南京"), "{}", entities(&x));
}

#[test]
fn case_cards_state_origin_and_copies_field_by_field() {
    let x = extract(
        "制度创新案例汇编",
        "案例名称：跨境电商“保税备货+直播选品”零售模式\n\n\
         首创单位：重庆西永综合保税区管理委员会\n\n\
         主要做法：在综合保税区内开设直播间，企业可先备货后选品。\n\n\
         推广情况：该模式已在中国（重庆）自由贸易试验区果园港片区复制推广。\n\n\
         案例名称：“一业一证”改革\n\n\
         首创单位：中国（河北）自由贸易试验区正定片区",
    );
    let live = "跨境电商保税备货+直播选品零售模式";
    assert!(
        has_relation(
            &x,
            live,
            Property::OriginatedIn,
            "重庆西永综合保税区管理委员会"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            live,
            Property::ReplicatedIn,
            "中国（重庆）自由贸易试验区果园港片区"
        ),
        "{}",
        relations(&x)
    );
    // The next card starts a new record.
    assert!(
        has_relation(
            &x,
            "一业一证改革",
            Property::OriginatedIn,
            "中国（河北）自由贸易试验区正定片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_recognition_after_ruxuan_le_does_not_start_with_le() {
    let x = extract(
        "临港新片区动态",
        "临港新片区首创的“国际船舶登记一站式服务”去年入选了全国自贸试验区第七批最佳实践案例。",
    );
    assert!(
        has_entity(&x, Class::Recognition, "全国自贸试验区第七批最佳实践案例"),
        "{}",
        entities(&x)
    );
    // The area made the practice; the practice was selected.
    assert!(
        has_relation(
            &x,
            "国际船舶登记一站式服务",
            Property::RecognizedAs,
            "全国自贸试验区第七批最佳实践案例"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_firm_where_it_lies_or_referred_back_to_is_based_there() {
    let x = extract(
        "德宏片区动态",
        "位于瑞丽综合保税区的云南瑞达五金机电有限公司完成首单业务。\
         首笔结算由德宏景瑞商贸有限公司办理，该公司注册于中国（云南）自由贸易试验区德宏片区。",
    );
    for (firm, zone) in [
        ("云南瑞达五金机电有限公司", "瑞丽综合保税区"),
        ("德宏景瑞商贸有限公司", "中国（云南）自由贸易试验区德宏片区"),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}: {}",
            relations(&x)
        );
    }
}

#[test]
fn an_area_newsletter_is_about_its_area_and_copies_name_their_origin() {
    let text = "中国（湖北）自由贸易试验区武汉片区\n\n工作简报\n\n2024年第3期\n\n\
                武汉片区管委会办公室编　　2024年3月1日\n\n\
                一、跨境结算新做法落地\n\n\
                片区引进广东自贸试验区南沙片区的跨境结算“秒到账”做法，首批3家企业完成结算。\n";
    let document = parse_text("wuhan.txt", text);
    let extractions = extractor().extract_document(&document);
    let all: String = extractions.iter().map(relations).collect();
    let has = |p: Property, o: &str| {
        extractions.iter().any(|x| {
            x.relations
                .iter()
                .any(|r| r.property == p && r.object.label == o)
        })
    };
    assert!(
        has(Property::ReplicatedIn, "中国（湖北）自由贸易试验区武汉片区"),
        "{all}"
    );
    assert!(
        has(
            Property::OriginatedIn,
            "中国（广东）自由贸易试验区广州南沙新区片区"
        ),
        "{all}"
    );
    assert!(
        !has(
            Property::ReplicatedIn,
            "中国（广东）自由贸易试验区广州南沙新区片区"
        ),
        "{all}"
    );
}

#[test]
fn short_names_sharing_a_head_and_policies_in_force_in_zones() {
    let x = extract(
        "黑龙江动态",
        "省商务厅印发《黑龙江省复制推广工作考核办法》，适用于哈尔滨、黑河、绥芬河三个片区。\
         省政府近日印发《中国（黑龙江）自由贸易试验区提升方案》。《方案》在哈尔滨片区、黑河片区同步实施，提出12项行动。",
    );
    let areas = [
        "中国（黑龙江）自由贸易试验区哈尔滨片区",
        "中国（黑龙江）自由贸易试验区黑河片区",
        "中国（黑龙江）自由贸易试验区绥芬河片区",
    ];
    for area in areas {
        assert!(
            has_relation(
                &x,
                "黑龙江省复制推广工作考核办法",
                Property::AppliesTo,
                area
            ),
            "{area}: {}",
            relations(&x)
        );
    }
    // The short names are the areas here, not the cities.
    assert!(!has_entity(&x, Class::Place, "黑河"), "{}", entities(&x));
    for area in &areas[..2] {
        assert!(
            has_relation(
                &x,
                "中国（黑龙江）自由贸易试验区提升方案",
                Property::AppliesTo,
                area
            ),
            "{area}: {}",
            relations(&x)
        );
    }
    assert!(
        !has_relation(
            &x,
            "中国（黑龙江）自由贸易试验区提升方案",
            Property::AppliesTo,
            areas[2]
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn slogans_in_quotes_are_not_practices() {
    let x = extract(
        "黑河片区动态",
        "黑河片区推动制度创新从“引进来”到“长出来”，避免复制推广工作“报数字”多、“看效果”少，复制推广了“跨境结算快办”经验。",
    );
    for slogan in ["引进来", "长出来", "报数字", "看效果"] {
        assert!(
            !has_entity(&x, Class::Practice, slogan),
            "{slogan}: {}",
            entities(&x)
        );
    }
    assert!(
        has_entity(&x, Class::Practice, "跨境结算快办"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_practice_referred_back_to_is_what_was_recognised() {
    let x = extract(
        "绥芬河片区动态",
        "绥芬河片区首创“边境仓前置”模式。这一模式去年获评黑龙江省第五批自贸试验区制度创新成果。",
    );
    assert!(
        !has_entity(&x, Class::Practice, "这一模式"),
        "{}",
        entities(&x)
    );
    assert!(
        x.relations
            .iter()
            .any(|r| r.property == Property::RecognizedAs
                && r.subject.class == Class::Practice
                && r.object.label.contains("第五批")),
        "{}",
        relations(&x)
    );
}

#[test]
fn firms_settling_with_a_foreign_name_or_a_count_are_based_there() {
    let x = extract(
        "昆明片区动态",
        "昆明澜沧生物科技有限公司（Kunming Lancang Biotech Co., Ltd.）落户中国（云南）自由贸易试验区昆明片区。\
         河南宋城文旅科技有限公司、开封汴梁文化创意有限公司等60余家文创企业先后入驻中国（河南）自由贸易试验区开封片区。",
    );
    for (firm, zone) in [
        (
            "昆明澜沧生物科技有限公司",
            "中国（云南）自由贸易试验区昆明片区",
        ),
        (
            "河南宋城文旅科技有限公司",
            "中国（河南）自由贸易试验区开封片区",
        ),
        (
            "开封汴梁文化创意有限公司",
            "中国（河南）自由贸易试验区开封片区",
        ),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}: {}",
            relations(&x)
        );
    }
}

#[test]
fn courts_are_bodies_that_create_practices() {
    let x = extract(
        "洛阳片区动态",
        "在洛阳片区，由洛阳市中级人民法院创设的“知识产权纠纷诉调对接机制”入选第四批案例。\
         这得益于岳阳海关探索推出的“船边直提+抵港直装”联动监管模式。",
    );
    assert!(
        has_entity(&x, Class::GovernmentBody, "洛阳市中级人民法院"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::GovernmentBody, "岳阳海关"),
        "{}",
        entities(&x)
    );
    assert!(
        x.relations.iter().any(|r| r.property == Property::OriginatedIn
            && r.object.label == "洛阳市中级人民法院"),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_quote_after_a_verb_of_making_and_de_is_a_practice() {
    let x = extract(
        "开封片区动态",
        "洛阳片区首创的“企业投资项目承诺制”已在开封片区落地生根。",
    );
    assert!(
        has_relation(
            &x,
            "企业投资项目承诺制",
            Property::OriginatedIn,
            "中国（河南）自由贸易试验区洛阳片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "企业投资项目承诺制",
            Property::ReplicatedIn,
            "中国（河南）自由贸易试验区开封片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_source_before_the_practice_and_a_copy_referred_back_to() {
    let x = extract(
        "哈尔滨片区动态",
        "这正是源自中国（上海）自由贸易试验区的“研发用物品进口白名单”制度，中国（黑龙江）自由贸易试验区哈尔滨片区于2022年将其复制落地。\
         中国（湖南）自由贸易试验区长沙片区对标中国（天津）自由贸易试验区东疆片区，复制引入融资租赁“共享SPV”模式。",
    );
    let r = relations(&x);
    let practice = x
        .entities
        .iter()
        .find(|e| e.label.contains("研发用物品进口白名单"))
        .map(|e| e.label.clone())
        .unwrap_or_default();
    assert!(
        has_relation(
            &x,
            &practice,
            Property::OriginatedIn,
            "中国（上海）自由贸易试验区"
        ),
        "{r}"
    );
    assert!(
        has_relation(
            &x,
            &practice,
            Property::ReplicatedIn,
            "中国（黑龙江）自由贸易试验区哈尔滨片区"
        ),
        "{r}"
    );
    // The zone 对标 names is the model, not a copier.
    assert!(
        !x.relations
            .iter()
            .any(|rel| rel.property == Property::ReplicatedIn
                && rel.subject.label.contains("共享SPV")
                && rel.object.label.contains("天津")),
        "{r}"
    );
    assert!(
        x.relations
            .iter()
            .any(|rel| rel.property == Property::ReplicatedIn
                && rel.subject.label.contains("共享SPV")
                && rel.object.label == "中国（湖南）自由贸易试验区长沙片区"),
        "{r}"
    );
}

#[test]
fn a_firm_after_a_date_and_called_by_its_short_name_is_recognised() {
    let x = extract(
        "青岛片区动态",
        "6月5日为青岛海纳云链科技有限公司发放首笔组合融资1200万元。海纳云链是片区培育的工业互联网企业，去年入选山东省瞪羚企业。",
    );
    assert!(
        has_entity(&x, Class::Firm, "青岛海纳云链科技有限公司"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "青岛海纳云链科技有限公司",
            Property::RecognizedAs,
            "山东省瞪羚企业"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_special_zone_said_to_be_inside_an_area_is_part_of_it() {
    let x = extract(
        "青岛片区周报",
        "备注：青岛前湾综合保税区是中国（山东）自由贸易试验区青岛片区内唯一的海关特殊监管区域。",
    );
    assert!(
        has_relation(
            &x,
            "青岛前湾综合保税区",
            Property::PartOf,
            "中国（山东）自由贸易试验区青岛片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn the_operator_named_after_the_platform_runs_it() {
    let x = extract(
        "青禾片区动态",
        "“链企通”供应链金融服务平台由省商务厅牵头建设运营，已服务企业300家。片区上线“湾区通”综合服务平台，由省财政厅和省科技厅共同运营。“税易通”服务平台由省税务局提出需求。",
    );
    for (operator, platform) in [
        ("省商务厅", "链企通供应链金融服务平台"),
        ("省财政厅", "湾区通综合服务平台"),
        ("省科技厅", "湾区通综合服务平台"),
    ] {
        assert!(
            has_relation(&x, operator, Property::Operates, platform),
            "{}",
            relations(&x)
        );
    }
    // Asking for a platform is not running it.
    assert!(
        !has_relation(&x, "省税务局", Property::Operates, "税易通服务平台"),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_firm_is_based_where_its_brackets_seat_or_settling_verb_put_it() {
    let x = extract(
        "青禾片区动态",
        "首创单位：青禾云帆物流有限公司（青禾综合保税区）。还有青禾星辰科技有限公司，总部就设在青禾国际产业园。扎根青禾高新技术产业开发区多年的青禾北辰装备有限公司、青禾启明材料有限公司近日扩产。",
    );
    for (firm, zone) in [
        ("青禾云帆物流有限公司", "青禾综合保税区"),
        ("青禾星辰科技有限公司", "青禾国际产业园"),
        ("青禾北辰装备有限公司", "青禾高新技术产业开发区"),
        ("青禾启明材料有限公司", "青禾高新技术产业开发区"),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}: {}",
            relations(&x)
        );
    }
}

#[test]
fn a_firm_the_sentence_is_about_is_based_where_a_later_clause_puts_it() {
    let x = extract(
        "青禾片区动态",
        "青禾链港科技有限公司成立于2019年，总部位于青禾国际产业园，运营中心设在片区内的青禾综合保税区。\
         我司青禾海蓝供应链有限公司注册在青禾高新技术产业开发区。\
         青禾远山医药有限公司今年把总部从深圳迁到了青禾国际产业园。\
         青禾启明材料有限公司为位于青禾综合保税区的企业提供服务。",
    );
    for (firm, zone) in [
        ("青禾链港科技有限公司", "青禾国际产业园"),
        ("青禾链港科技有限公司", "青禾综合保税区"),
        ("青禾海蓝供应链有限公司", "青禾高新技术产业开发区"),
        ("青禾远山医药有限公司", "青禾国际产业园"),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}: {}",
            relations(&x)
        );
    }
    // 位于 Z 的企业: the zone is the other firms' place, not the subject's.
    assert!(
        !has_relation(
            &x,
            "青禾启明材料有限公司",
            Property::BasedIn,
            "青禾综合保税区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_clause_of_an_actor_and_the_verb_of_running_runs_the_platform_named_before() {
    let x = extract(
        "青禾片区动态",
        "“青贸通”平台由青禾片区管委会牵头搭建，青禾楚港数字物流有限公司负责建设运营，集成通关、物流等12类服务。",
    );
    for operator in ["青禾片区管委会", "青禾楚港数字物流有限公司"] {
        assert!(
            has_relation(&x, operator, Property::Operates, "青贸通平台"),
            "{operator}: {}",
            relations(&x)
        );
    }
}

#[test]
fn a_firm_settling_in_a_list_entry_a_count_or_referred_back_is_based_there() {
    let x = extract(
        "青禾片区动态",
        "1. 青禾远洋渔业有限公司：入驻青禾综合保税区，完成首单业务。\
         青禾智造装备有限公司、青禾新材料有限公司等12家制造企业新落户青禾国际产业园。\
         青禾丝路物流有限公司在中亚建有海外仓。2024年，这家企业在青禾高新技术产业开发区注册落户。",
    );
    for (firm, zone) in [
        ("青禾远洋渔业有限公司", "青禾综合保税区"),
        ("青禾智造装备有限公司", "青禾国际产业园"),
        ("青禾新材料有限公司", "青禾国际产业园"),
        ("青禾丝路物流有限公司", "青禾高新技术产业开发区"),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}: {}",
            relations(&x)
        );
    }
}

#[test]
fn the_clause_after_a_policy_title_says_where_it_applies() {
    let x = extract(
        "青禾片区动态",
        "省商务厅印发《关于支持青禾新材料产业提升发展的若干措施》，明确在青禾综合保税区、青禾国际产业园开展首批试点。\
         省政府印发《青禾开放平台提升行动方案》，该方案要求青禾高新技术产业开发区打造开放高地。\
         省商务厅印发《青禾外贸稳增长实施意见》，青禾综合保税区进出口增长12%。",
    );
    for (policy, zone) in [
        ("关于支持青禾新材料产业提升发展的若干措施", "青禾综合保税区"),
        ("关于支持青禾新材料产业提升发展的若干措施", "青禾国际产业园"),
        ("青禾开放平台提升行动方案", "青禾高新技术产业开发区"),
    ] {
        assert!(
            has_relation(&x, policy, Property::AppliesTo, zone),
            "{policy}: {}",
            relations(&x)
        );
    }
    // A clause that does not open with a word of scope names no scope.
    assert!(
        !has_relation(
            &x,
            "青禾外贸稳增长实施意见",
            Property::AppliesTo,
            "青禾综合保税区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn learning_a_zones_practice_copies_it_to_the_subject_zone() {
    let x = extract(
        "片区动态",
        "中国（河南）自由贸易试验区郑州片区学习中国（四川）自由贸易试验区成都天府新区片区“园区码上办”做法，在片区全面推行。",
    );
    let r = relations(&x);
    assert!(
        has_relation(
            &x,
            "园区码上办做法",
            Property::ReplicatedIn,
            "中国（河南）自由贸易试验区郑州片区"
        ),
        "{r}"
    );
    assert!(
        has_relation(
            &x,
            "园区码上办做法",
            Property::OriginatedIn,
            "中国（四川）自由贸易试验区成都天府新区片区"
        ),
        "{r}"
    );
    assert!(
        !has_relation(
            &x,
            "园区码上办做法",
            Property::ReplicatedIn,
            "中国（四川）自由贸易试验区成都天府新区片区"
        ),
        "{r}"
    );
}

#[test]
fn table_under_a_recognition_title_makes_its_rows_members() {
    let notice = "某省自由贸易试验区工作办公室\n某自贸办〔2026〕3号\n关于通报2025年度自贸试验区十佳改革案例的通知\n各片区管委会：\n现将评选结果通报如下。\n附件：2025年度某省自贸试验区十佳改革案例名单\n序号｜案例名称｜申报单位｜所在片区\n1｜冷链货物“预约查验”模式｜某海关｜南京片区\n2｜“苏贸通”跨境结算服务平台｜某银行｜苏州片区";
    let document = parse_text("notice.txt", notice);
    let x = extractor().extract_document(&document).remove(0);
    let list = "2025年度某省自贸试验区十佳改革案例";
    assert!(has_entity(&x, Class::Recognition, list), "{}", entities(&x));
    assert!(
        has_relation(&x, "冷链货物预约查验模式", Property::RecognizedAs, list),
        "{}",
        relations(&x)
    );
    // A platform selected into the list stays a platform.
    assert!(has_entity(&x, Class::Platform, "苏贸通跨境结算服务平台"));
    assert!(has_relation(
        &x,
        "苏贸通跨境结算服务平台",
        Property::RecognizedAs,
        list
    ));
    // A title that names no selection (no 批, 年度, 十佳) makes no members.
    let plain = notice.replace("2025年度某省自贸试验区十佳改革案例名单", "外省改革案例名单");
    let x = extractor()
        .extract_document(&parse_text("notice.txt", &plain))
        .remove(0);
    assert!(
        !x.relations
            .iter()
            .any(|r| r.property == Property::RecognizedAs),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_body_making_a_practice_in_a_zone_and_the_zone_are_both_its_origin() {
    let x = extract(
        "海关动态",
        "郑州海关在中国（河南）自由贸易试验区郑州片区率先推出“保税展示一次备案”模式。",
    );
    let r = relations(&x);
    let practice = "保税展示一次备案模式";
    let zone = "中国（河南）自由贸易试验区郑州片区";
    assert!(
        has_relation(&x, practice, Property::OriginatedIn, "郑州海关"),
        "{r}"
    );
    assert!(
        has_relation(&x, practice, Property::OriginatedIn, zone),
        "{r}"
    );
}

#[test]
fn a_list_announced_before_its_members_is_what_they_are_recognized_as() {
    let x = extract(
        "片区企业获国家级认定",
        "工业和信息化部日前公布新一批专精特新“小巨人”企业名单，片区企业江城精密仪器有限公司榜上有名。",
    );
    let list = "专精特新小巨人企业";
    assert!(has_entity(&x, Class::Recognition, list), "{}", entities(&x));
    assert!(
        has_relation(&x, "江城精密仪器有限公司", Property::RecognizedAs, list),
        "{}",
        relations(&x)
    );
    // The year opens the name: the full name is kept, not “度…”.
    let x = extract(
        "平台获评省级示范",
        "省商务厅公布2025年度省级数字贸易示范平台名单，“云港通”服务平台成功入选。",
    );
    let list = "2025年度省级数字贸易示范平台";
    assert!(has_entity(&x, Class::Recognition, list), "{}", entities(&x));
    assert!(
        has_relation(&x, "云港通服务平台", Property::RecognizedAs, list),
        "{}",
        relations(&x)
    );
}

#[test]
fn the_one_selected_is_not_its_zone_its_awarder_or_the_topic() {
    // A firm that settled in a zone, then was selected: the firm, not the zone.
    let x = extract(
        "片区企业获评瞪羚企业",
        "江城精密仪器有限公司2019年落户哈尔滨片区，今年被认定为黑龙江省瞪羚企业。",
    );
    let gazelle = "黑龙江省瞪羚企业";
    assert!(
        has_relation(&x, "江城精密仪器有限公司", Property::RecognizedAs, gazelle),
        "{}",
        relations(&x)
    );
    assert!(!has_relation(&x, HARBIN, Property::RecognizedAs, gazelle));
    // The awarding body before the name is not part of its label, nor,
    // when it acts with others (被A等8部门评为), the one selected.
    let x = extract(
        "平台获评全国示范",
        "“冰城链”跨境服务平台被商务部等8部门评为全国数字商务示范平台。",
    );
    let award = "全国数字商务示范平台";
    assert!(
        has_relation(&x, "冰城链跨境服务平台", Property::RecognizedAs, award),
        "{}",
        relations(&x)
    );
    assert!(!has_relation(&x, "商务部", Property::RecognizedAs, award));
    let x = extract(
        "哈尔滨片区跨境物流建设见成效",
        "该平台今年获评海关总署“通关便利化优秀平台”。",
    );
    assert!(
        has_entity(&x, Class::Recognition, "通关便利化优秀平台"),
        "{}",
        entities(&x)
    );
    // 该平台 names no zone: the topic zone is not what was selected.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.property == Property::RecognizedAs),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_name_found_by_its_ending_stops_at_you_even_inside_a_jieba_word() {
    let x = extract(
        "跨境服务系统上线",
        "该系统由市商务局负责运营，企业可在线办理备案。",
    );
    assert!(
        has_entity(&x, Class::GovernmentBody, "市商务局"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.contains('由')),
        "{}",
        entities(&x)
    );
}

#[test]
fn every_source_column_of_an_annex_table_is_an_origin() {
    let x = extract(
        "关于印发创新案例的通知",
        "附件：2024年度河南自贸试验区优秀制度创新案例名单\n\
         序号  案例名称              申报单位          所在片区\n\
         1     跨境电商“秒级通关”    郑州海关          郑州片区\n\
         2     “多仓联动”监管模式    洛阳市商务局      洛阳片区\n",
    );
    let r = relations(&x);
    for (case, unit, area) in [
        (
            "跨境电商秒级通关",
            "郑州海关",
            "中国（河南）自由贸易试验区郑州片区",
        ),
        (
            "多仓联动监管模式",
            "洛阳市商务局",
            "中国（河南）自由贸易试验区洛阳片区",
        ),
    ] {
        assert!(
            has_relation(&x, case, Property::OriginatedIn, unit),
            "{case} {unit}\n{r}"
        );
        assert!(
            has_relation(&x, case, Property::OriginatedIn, area),
            "{case} {area}\n{r}"
        );
    }
}

#[test]
fn firms_named_inside_a_zone_are_based_in_it() {
    let x = extract(
        "综保区动态",
        "位于郑州经济技术开发区综合保税区内的河南中原精工有限公司今年出口增长三成；片区内企业数量增至1200家。",
    );
    let r = relations(&x);
    let zone = x
        .entities
        .iter()
        .find(|e| e.class == Class::SpecialZone)
        .map(|e| e.label.clone())
        .unwrap_or_default();
    assert!(
        has_relation(&x, "河南中原精工有限公司", Property::BasedIn, &zone),
        "{r}"
    );
}

#[test]
fn quoted_products_before_a_counted_head_are_practices_and_counts_are_not_names() {
    let x = extract(
        "（一）崇左片区创新沿边金融",
        "崇左片区联合桂林银行，创新推出“互市贷”“桂边贷”等一系列专项融资产品。据统计，黑河保税物流中心在全国84个同类型保税物流中心中排名第36位。",
    );
    assert!(
        has_entity(&x, Class::Practice, "互市贷"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::Practice, "桂边贷"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.starts_with('个')),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_quoted_list_item_takes_the_class_of_the_known_items() {
    let x = extract(
        "（一）新区建设",
        "哈尔滨新区高标准建设智能机器人岛、“中国星谷”、新材料产业园等新质生产力载体平台。",
    );
    assert!(
        has_entity(&x, Class::SpecialZone, "中国星谷"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::SpecialZone, "智能机器人岛"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_special_zone_named_in_full_is_found_again_by_its_short_head() {
    let x = extract(
        "（一）崇左片区水果进口",
        "走进崇左片区内的凭祥综合保税区，水果在冷链分拣线上快速流转。入驻凭祥综保区的广西凭祥友谊关果业有限公司去年水果进口额突破15亿元。",
    );
    assert!(
        has_relation(
            &x,
            "广西凭祥友谊关果业有限公司",
            Property::BasedIn,
            "凭祥综合保税区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_court_named_short_originates_a_quoted_mechanism_with_its_tail() {
    let x = extract(
        "（一）司法保障",
        "西安二中院首创“诉前联调”一站式衔接机制，纠纷化解更快。该院在杨凌综合保税区设立巡回审判点。",
    );
    assert!(
        has_entity(&x, Class::GovernmentBody, "西安二中院"),
        "{}",
        entities(&x)
    );
    assert!(
        x.entities.iter().any(|e| e.class == Class::Practice
            && (e.label == "诉前联调一站式衔接机制"
                || e.aliases.iter().any(|a| a == "诉前联调一站式衔接机制"))),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::SpecialZone, "杨凌综合保税区"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_word_jieba_would_split_stays_whole_in_a_name() {
    let x = extract(
        "（一）保税维修",
        "青岛前湾综合保税区复制推广“保税再制造产品白名单”做法。",
    );
    assert!(
        x.entities
            .iter()
            .any(|e| e.class == Class::Practice && e.label.starts_with("保税再制造")),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_firm_of_the_zone_the_sentence_opens_with_is_based_there() {
    let x = extract(
        "（一）保税维修",
        "洋浦保税港区已复制推广外地的保税维修做法，区内企业海南远航船舶维修有限公司首批维修业务顺利通关。",
    );
    assert!(
        has_relation(
            &x,
            "海南远航船舶维修有限公司",
            Property::BasedIn,
            "洋浦保税港区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_practice_made_by_an_actor_named_after_it_originates_there() {
    let x = extract(
        "（一）制度创新",
        "跨境电商退货“一仓通退”模式由南沙片区原创，企业退货时间大幅缩短。出口退税“容缺办理”由国家税务总局广州市南沙区税务局首先推出，企业申报更便捷。",
    );
    let practice = |label: &str| {
        x.entities
            .iter()
            .find(|e| e.class == Class::Practice && (e.label.contains(label)))
            .map(|e| e.label.clone())
            .unwrap_or_default()
    };
    let one = practice("一仓通退");
    let two = practice("容缺办理");
    assert!(
        has_relation(
            &x,
            &one,
            Property::OriginatedIn,
            "中国（广东）自由贸易试验区广州南沙新区片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            &two,
            Property::OriginatedIn,
            "国家税务总局广州市南沙区税务局"
        ),
        "{}",
        relations(&x)
    );
    assert!(two.starts_with("出口退税"), "{two}");
}

#[test]
fn comma_separated_ledger_rows_are_read_by_their_column_headers() {
    let ledger = "关于报送中国（湖北）自由贸易试验区2024年度改革事项台账的说明\n\n省商务厅：\n\n现将台账报上，请审阅。\n\n序号,改革事项,牵头单位,实施片区,完成情况,复制推广情况\n\
        1,船舶登记“一窗通办”,省交通运输厅,武汉片区,\"已完成。武汉片区联合武汉海关率先推出，办理时间缩短一半。\",已在襄阳片区推广\n\
        2,借鉴上海自贸试验区“离岸贸易”结算做法,省商务厅,宜昌片区,\"推进中。宜昌片区学习借鉴上海自贸试验区经验，已起草方案。\",—\n\
        3,制定《宜昌片区跨境电商扶持办法》,宜昌片区管委会,宜昌片区,已完成。,—\n\
        ==== 共3条 ====";
    let document = parse_text("ledger.txt", ledger);
    let x = extractor().extract_document(&document).remove(0);
    let wuhan = "中国（湖北）自由贸易试验区武汉片区";
    let xiangyang = "中国（湖北）自由贸易试验区襄阳片区";
    let yichang = "中国（湖北）自由贸易试验区宜昌片区";
    let shanghai = "中国（上海）自由贸易试验区";
    let ship = "船舶登记一窗通办";
    assert!(has_entity(&x, Class::Practice, ship), "{}", entities(&x));
    // 完成情况: who 率先推出 it is where it came from.
    assert!(
        has_relation(&x, ship, Property::OriginatedIn, wuhan),
        "{}",
        relations(&x)
    );
    assert!(has_relation(&x, ship, Property::OriginatedIn, "武汉海关"));
    // 复制推广情况: where it went.
    assert!(has_relation(&x, ship, Property::ReplicatedIn, xiangyang));
    // A row that copies another zone's practice: the zone it names is the
    // origin, the row's 实施片区 the copier.
    let offshore = "上海自贸试验区离岸贸易结算做法";
    assert!(
        has_relation(&x, offshore, Property::OriginatedIn, shanghai),
        "{}",
        relations(&x)
    );
    assert!(has_relation(&x, offshore, Property::ReplicatedIn, yichang));
    assert!(!has_relation(&x, offshore, Property::OriginatedIn, yichang));
    // A row about a policy names no practice.
    assert!(
        !x.entities
            .iter()
            .any(|e| e.class == Class::Practice && e.label.contains("扶持办法")),
        "{}",
        entities(&x)
    );
}

#[test]
fn numbered_annex_items_name_sources_copies_and_the_list_they_belong_to() {
    let notice = "某部关于复制推广自由贸易试验区第九批改革试点经验的通知\n\n某自贸发〔2026〕5号\n\n各省、自治区、直辖市人民政府：\n\n现将改革试点经验印发给你们，请认真复制推广。\n\n附件\n\n自由贸易试验区第九批改革试点经验复制推广清单\n\n一、贸易便利化领域\n\n\
        1．冷链食品“先放后检”监管。对冷链进口食品实行抽检后放行。（辽宁自贸试验区大连片区、大连海关）在全国范围内复制推广。\n\n\
        2．船舶燃料“跨港直供”模式。对国际航行船舶实行跨港供油。——浙江自贸试验区舟山片区。在山东自贸试验区复制推广。\n\n\
        3．加强组织领导，明确责任分工。（各片区管委会）\n";
    let document = parse_text("notice.txt", notice);
    let x = extractor().extract_document(&document).remove(0);
    let cold = "冷链食品先放后检监管";
    let fuel = "船舶燃料跨港直供模式";
    let batch = "自由贸易试验区第九批改革试点经验";
    assert!(has_entity(&x, Class::Practice, cold), "{}", entities(&x));
    assert!(
        has_relation(
            &x,
            cold,
            Property::OriginatedIn,
            "中国（辽宁）自由贸易试验区大连片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(has_relation(&x, cold, Property::OriginatedIn, "大连海关"));
    assert!(has_relation(&x, cold, Property::RecognizedAs, batch));
    // 在全国范围内 names no zone.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.label == cold && r.property == Property::ReplicatedIn),
        "{}",
        relations(&x)
    );
    // Sources after ——, copies named in the 复制推广 sentence.
    assert!(has_relation(
        &x,
        fuel,
        Property::OriginatedIn,
        "中国（浙江）自由贸易试验区舟山片区"
    ));
    assert!(has_relation(
        &x,
        fuel,
        Property::ReplicatedIn,
        "中国（山东）自由贸易试验区"
    ));
    // A numbered clause is not an item.
    assert!(
        !x.entities.iter().any(|e| e.label.contains("组织领导")),
        "{}",
        entities(&x)
    );
}

#[test]
fn names_in_single_quotes_inside_quoted_speech_are_names() {
    let x = extract(
        "（一）铁路港",
        "“涉外商事纠纷‘诉调快通’机制，是我们院2020年率先探索的，外方当事人在国外也能在线参加调解。”",
    );
    assert!(
        x.entities
            .iter()
            .any(|e| e.class == Class::Practice && e.label.contains("诉调快通")),
        "{}",
        entities(&x)
    );
}

#[test]
fn bare_city_and_region_bodies_issue_policies_but_not_after_several_levels() {
    let x = extract(
        "市政府工作报告",
        "去年，市政府印发《某市开放平台协同发展方案》，市商务委会同市财政局制定《某市跨境结算便利化实施细则》。",
    );
    assert!(
        has_relation(&x, "市政府", Property::Issued, "某市开放平台协同发展方案"),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "市商务委",
            Property::Issued,
            "某市跨境结算便利化实施细则"
        ),
        "{}",
        relations(&x)
    );
    // Two levels of city government are no single body: 市政府 there is not named.
    let x = extract("工作总结", "全区在市县两级市委、市政府的领导下推进改革。");
    assert!(
        !has_entity(&x, Class::GovernmentBody, "市政府"),
        "{}",
        entities(&x)
    );
}

#[test]
fn firms_listed_before_settling_in_a_zone_are_based_there() {
    let x = extract(
        "园区动态",
        "目前，已有华东远洋融资租赁有限公司等40余家租赁企业在洋山特殊综合保税区注册展业。\n\
         南昌综合保税区作为片区核心区，已吸引赣江云仓供应链有限公司等25家企业入驻。\n\
         今年以来，华川跨境金融服务有限公司、江淮数字金融科技有限公司先后入驻九江综合保税区。",
    );
    for (firm, zone) in [
        ("华东远洋融资租赁有限公司", "洋山特殊综合保税区"),
        ("赣江云仓供应链有限公司", "南昌综合保税区"),
        ("华川跨境金融服务有限公司", "九江综合保税区"),
        ("江淮数字金融科技有限公司", "九江综合保税区"),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}: {}",
            relations(&x)
        );
    }
}

#[test]
fn a_title_given_to_a_list_goes_to_every_receiver_named_before_it() {
    let x = extract(
        "广西自贸试验区通报表扬",
        "自治区人民政府决定，授予中国（广西）自由贸易试验区钦州港片区管委会政务服务处、南宁海关、广西壮族自治区市场监督管理局等8个单位“2024年度广西自贸试验区改革攻坚先进集体”称号。",
    );
    let title = "2024年度广西自贸试验区改革攻坚先进集体";
    assert!(
        has_entity(&x, Class::Recognition, title),
        "{}",
        entities(&x)
    );
    for body in ["南宁海关", "广西壮族自治区市场监督管理局"] {
        assert!(
            has_relation(&x, body, Property::RecognizedAs, title),
            "{body}\n{}",
            relations(&x)
        );
    }
    // Who gives the title does not receive it.
    assert!(
        !has_relation(&x, "自治区人民政府", Property::RecognizedAs, title),
        "{}",
        relations(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.starts_with("授予")),
        "{}",
        entities(&x)
    );
}

#[test]
fn firms_after_a_disposition_mark_receive_the_title_given_later() {
    let x = extract(
        "广西自贸试验区通报表扬",
        "对广西桂港航运有限公司、南宁云渡数据科技有限公司等6家企业予以通报表扬，授予“2024年度广西自贸试验区开放创新示范企业”称号。",
    );
    let title = "2024年度广西自贸试验区开放创新示范企业";
    assert!(
        has_entity(&x, Class::Recognition, title),
        "{}",
        entities(&x)
    );
    assert!(
        !has_entity(&x, Class::Recognition, &format!("{title}称号")),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "南宁云渡数据科技有限公司",
            Property::RecognizedAs,
            title
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn practices_listed_before_a_selection_are_each_selected() {
    let x = extract(
        "中国（广西）自由贸易试验区南宁片区动态",
        "南宁片区的跨境结算“一键直达”模式、边境贸易“互市通”机制等12项案例入选广西自贸试验区第四批制度创新成果。",
    );
    let title = "广西自贸试验区第四批制度创新成果";
    for practice in ["跨境结算一键直达", "边境贸易互市通"] {
        assert!(
            x.relations
                .iter()
                .any(|r| r.property == Property::RecognizedAs
                    && r.object.label == title
                    && r.subject.label.starts_with(practice)),
            "{practice}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn a_firms_title_goes_to_the_firm_not_the_zone_it_settled_in() {
    let x = extract(
        "中国（广西）自由贸易试验区崇左片区动态",
        "广西凭祥丰川智造科技有限公司2021年在中国（广西）自由贸易试验区崇左片区注册成立，次年被认定为国家级专精特新“小巨人”企业。",
    );
    let title = "国家级专精特新小巨人企业";
    assert!(
        has_relation(
            &x,
            "广西凭祥丰川智造科技有限公司",
            Property::RecognizedAs,
            title
        ),
        "{}",
        relations(&x)
    );
    assert!(
        !x.relations
            .iter()
            .any(|r| r.property == Property::RecognizedAs && r.subject.class.is_zone()),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_firm_referred_back_to_receives_a_firms_title() {
    let x = extract(
        "中国（广西）自由贸易试验区南宁片区动态",
        "广西澜湾智能装备有限公司是片区重点培育的制造企业。该公司总部位于中国（广西）自由贸易试验区南宁片区，今年入选广西壮族自治区制造业单项冠军示范企业。",
    );
    assert!(
        has_relation(
            &x,
            "广西澜湾智能装备有限公司",
            Property::RecognizedAs,
            "广西壮族自治区制造业单项冠军示范企业"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn recognition_names_leave_out_publishers_and_back_references() {
    let x = extract(
        "中国（广西）自由贸易试验区钦州港片区动态",
        "钦州港片区探索的“船边直提”模式列入商务部印发的全国第九批改革试点经验。片区“港航一单通”服务也入选上述首批案例。片区“铁海直运”机制入选全国港口物流创新试点“最佳实践案例”。",
    );
    assert!(
        has_entity(&x, Class::Recognition, "全国第九批改革试点经验"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::Recognition, "全国港口物流创新试点最佳实践案例"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.class == Class::Recognition
            && (e.label.contains("印发") || e.label.starts_with("上述"))),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_bullet_opening_a_line_is_no_part_of_the_name_after_it() {
    let x = extract(
        "园区动态",
        "◆东湖科技城引进武汉片区首创的“仓单一码通”经验，首批企业完成融资。\n◆江城港航发展有限公司落户东湖科技城。",
    );
    assert!(
        has_entity(&x, Class::SpecialZone, "东湖科技城"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.contains('◆')),
        "{}",
        entities(&x)
    );
    let copied = x.relations.iter().any(|r| {
        r.subject.label.starts_with("仓单一码通")
            && r.property == Property::ReplicatedIn
            && r.object.label == "东湖科技城"
    });
    assert!(copied, "{}", relations(&x));
    assert!(
        has_relation(&x, "江城港航发展有限公司", Property::BasedIn, "东湖科技城"),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_verb_of_registering_ends_the_name_before_it() {
    let x = extract(
        "企业动态",
        "江城远航贸易有限公司注册于洋山特殊综合保税区。\n\n2024年5月，江城远航集团有限公司在曹妃甸片区设立全资子公司江城远航（曹妃甸）物流有限公司。",
    );
    assert!(
        has_entity(&x, Class::SpecialZone, "洋山特殊综合保税区"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "江城远航贸易有限公司",
            Property::BasedIn,
            "洋山特殊综合保税区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_entity(&x, Class::Firm, "江城远航（曹妃甸）物流有限公司"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_platform_referred_back_to_is_run_by_who_the_next_sentence_names() {
    let x = extract(
        "平台建设",
        "3. “江城链仓”大宗商品仓单服务平台。平台由岳阳片区企业江城链仓科技有限公司建设运营，已接入仓库12家。",
    );
    assert!(
        x.relations
            .iter()
            .any(|r| r.subject.label == "江城链仓科技有限公司"
                && r.property == Property::Operates
                && r.object.label.contains("大宗商品仓单服务平台")),
        "{}",
        relations(&x)
    );
}

#[test]
fn recognitions_ending_in_grades_ranks_awards_and_centres() {
    let x = extract(
        "综保区考核结果公布",
        "在海关总署年度考核中，东澜综合保税区获评全国综保区考核A类。江岸冷链物流有限公司入选2024年山东省服务业企业50强。“一码联办”改革获评2023年度江苏省改革突破奖。南湖精密机械有限公司获批设立苏州市企业技术中心。",
    );
    for (receiver, title) in [
        ("东澜综合保税区", "全国综保区考核A类"),
        ("江岸冷链物流有限公司", "2024年山东省服务业企业50强"),
        ("一码联办改革", "2023年度江苏省改革突破奖"),
        ("南湖精密机械有限公司", "苏州市企业技术中心"),
    ] {
        assert!(
            has_entity(&x, Class::Recognition, title),
            "{}",
            entities(&x)
        );
        assert!(
            has_relation(&x, receiver, Property::RecognizedAs, title),
            "{}",
            relations(&x)
        );
    }
}

#[test]
fn a_title_word_after_a_recognition_is_not_part_of_its_name() {
    let x = extract(
        "平台获评示范平台",
        "云帆数据交换平台荣获江苏省工业互联网示范平台称号。",
    );
    assert!(
        has_relation(
            &x,
            "云帆数据交换平台",
            Property::RecognizedAs,
            "江苏省工业互联网示范平台"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        !has_entity(&x, Class::Recognition, "江苏省工业互联网示范平台称号"),
        "{}",
        entities(&x)
    );
}

#[test]
fn receivers_named_after_the_title_they_were_selected_for() {
    let x = extract(
        "改革突破奖揭晓",
        "入选2025年度江苏省改革突破奖银奖的，是苏州片区“关港联动”通关模式。",
    );
    let title = "2025年度江苏省改革突破奖银奖";
    assert!(
        has_relation(&x, "关港联动通关模式", Property::RecognizedAs, title),
        "{}",
        relations(&x)
    );
    // The zone that made the practice is not what was selected.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.class.is_zone() && r.property == Property::RecognizedAs),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_case_title_goes_to_no_zone() {
    let x = extract(
        "苏州片区创新案例",
        "今年，苏州片区入选江苏自贸试验区第二批制度创新案例。",
    );
    assert!(
        has_entity(&x, Class::Recognition, "江苏自贸试验区第二批制度创新案例"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.class.is_zone() && r.property == Property::RecognizedAs),
        "{}",
        relations(&x)
    );
}

#[test]
fn the_platform_referred_back_to_is_recognized_not_its_builder() {
    let x = extract(
        "链贸通平台获评优秀案例",
        "金陵片区管委会搭建的“链贸通”综合服务平台已服务企业3000余家，该平台被评为江苏省数字政府建设优秀案例。",
    );
    let title = "江苏省数字政府建设优秀案例";
    assert!(
        has_relation(&x, "链贸通综合服务平台", Property::RecognizedAs, title),
        "{}",
        relations(&x)
    );
    assert!(
        !has_relation(&x, "金陵片区管委会", Property::RecognizedAs, title),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_recognition_this_round_refers_back_and_is_no_name() {
    let x = extract("十佳案例评审", "青峰片区的3项做法入选本次十佳案例。");
    assert!(
        !x.entities
            .iter()
            .any(|e| e.class == Class::Recognition && e.label.contains("本次")),
        "{}",
        entities(&x)
    );
}

#[test]
fn an_announced_selection_keeps_the_series_note_after_it() {
    let x = extract(
        "长三角协同创新成果发布",
        "联席会议发布长三角自贸试验区联动创新成果（第三批），苏州片区“链上通关”经验入选。",
    );
    let title = "长三角自贸试验区联动创新成果（第三批）";
    assert!(
        has_entity(&x, Class::Recognition, title),
        "{}",
        entities(&x)
    );
    assert!(
        x.relations
            .iter()
            .any(|r| r.property == Property::RecognizedAs
                && r.object.label == title
                && r.subject.class == Class::Practice),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_phrase_with_de_after_a_selection_verb_is_no_title() {
    let x = extract(
        "研发料件名单管理",
        "青峰片区对列入重点名单的研发企业，实行“先入区、后申报、集中核销”。该区形成了获得感强的制度创新成果。",
    );
    assert!(
        !x.entities.iter().any(|e| e.class == Class::Recognition),
        "{}",
        entities(&x)
    );
}

#[test]
fn annex_items_with_their_sources_in_brackets_are_practices_of_the_listed_series() {
    let x = extract(
        "关于通报2023年度自贸试验区建设情况的通知",
        "各片区管委会：\n\n现将有关情况通报如下。\n\n附件\n\n2023年度中国（湖南）自由贸易试验区制度创新典型经验名单\n\n1. 进口矿产品“先放后检”监管模式（岳阳片区）\n2. 涉外仲裁“云庭审”机制（长沙海关）\n",
    );
    let series = "2023年度中国（湖南）自由贸易试验区制度创新典型经验";
    let practice = |label: &str| {
        x.relations.iter().any(|r| {
            r.subject.label.starts_with(label)
                && r.property == Property::RecognizedAs
                && r.object.label == series
        })
    };
    assert!(practice("进口矿产品先放后检"), "{}", relations(&x));
    assert!(practice("涉外仲裁云庭审"), "{}", relations(&x));
    assert!(
        x.relations
            .iter()
            .any(|r| r.subject.label.starts_with("进口矿产品先放后检")
                && r.property == Property::OriginatedIn
                && r.object.label == "中国（湖南）自由贸易试验区岳阳片区"),
        "{}",
        relations(&x)
    );
}

#[test]
fn firms_listed_after_a_lead_that_settles_them_in_a_zone_are_based_there() {
    let x = extract(
        "大事记",
        "2024年4月2日　首批入驻南沙片区数字贸易港企业：穗云数联科技有限公司、珠江链动信息技术有限公司。",
    );
    for firm in ["穗云数联科技有限公司", "珠江链动信息技术有限公司"] {
        assert!(
            x.relations.iter().any(|r| r.subject.label == firm
                && r.property == Property::BasedIn
                && r.object.label.ends_with("南沙新区片区")),
            "{}",
            relations(&x)
        );
    }
}

#[test]
fn the_operator_of_a_by_phrase_before_the_platform_runs_it() {
    let x = extract(
        "青禾片区动态",
        "由省商务厅打造的“苏贸通”综合服务平台已服务企业1200家。由省税务局提出需求的“税易通”服务平台仍在测试。",
    );
    assert!(
        has_relation(&x, "省商务厅", Property::Operates, "苏贸通综合服务平台"),
        "{}",
        relations(&x)
    );
    assert!(
        !has_relation(&x, "省税务局", Property::Operates, "税易通服务平台"),
        "{}",
        relations(&x)
    );
}

#[test]
fn special_zones_placed_in_areas_in_order_or_in_a_bare_area_are_part_of_them() {
    let x = extract(
        "湖北自贸试验区概况",
        "中国（湖北）自由贸易试验区涵盖武汉片区、襄阳片区、宜昌片区，三个片区分别位于武汉市、襄阳市和宜昌市。武汉东湖综合保税区、襄阳综合保税区分别坐落于武汉片区、襄阳片区。宜昌综合保税区依次纳入宜昌片区统筹管理。喀什片区面积28.48平方公里，喀什综合保税区位于片区之内。西永综合保税区在西永片区范围内，两路果园港综合保税区则地跨两江片区和果园港片区。",
    );
    let area = |short: &str| {
        format!(
            "中国（{}）自由贸易试验区{short}",
            if short.starts_with("喀什") {
                "新疆"
            } else if ["西永片区", "两江片区", "果园港片区"].contains(&short) {
                "重庆"
            } else {
                "湖北"
            }
        )
    };
    for (part, short) in [
        ("武汉东湖综合保税区", "武汉片区"),
        ("襄阳综合保税区", "襄阳片区"),
        ("宜昌综合保税区", "宜昌片区"),
        ("喀什综合保税区", "喀什片区"),
        ("西永综合保税区", "西永片区"),
        ("两路果园港综合保税区", "两江片区"),
        ("两路果园港综合保税区", "果园港片区"),
    ] {
        assert!(
            has_relation(&x, part, Property::PartOf, &area(short)),
            "{part} in {short}: {}",
            relations(&x)
        );
    }
    assert!(
        !has_relation(
            &x,
            "武汉东湖综合保税区",
            Property::PartOf,
            &area("襄阳片区")
        ),
        "{}",
        relations(&x)
    );
    for (short, city) in [
        ("武汉片区", "武汉"),
        ("襄阳片区", "襄阳"),
        ("宜昌片区", "宜昌"),
    ] {
        assert!(
            x.relations.iter().any(|r| r.subject.label == area(short)
                && r.property == Property::LocatedIn
                && r.object.label.starts_with(city)),
            "{short} in {city}: {}",
            relations(&x)
        );
    }
}

#[test]
fn quote_marks_of_replies_and_markdown_do_not_stop_a_sentence_being_read() {
    let x = extract(
        "回复: 工作专报",
        ">> 东疆综合保税区坐落于片区核心区域。\n> 根据**《天津东疆综合保税区促进融资租赁业高质量发展办法》**，详见[原文](http://x.cn/a.html)。",
    );
    assert!(
        !x.entities
            .iter()
            .any(|e| e.label.contains('>') || e.label.contains("**")),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(
            &x,
            Class::Policy,
            "天津东疆综合保税区促进融资租赁业高质量发展办法"
        ),
        "{}",
        entities(&x)
    );
}

#[test]
fn words_for_the_firm_named_before_act_for_it() {
    let x = extract(
        "企业风采",
        "新疆天诚智运物流科技有限公司2019年成立。公司总部位于霍尔果斯经济开发区，运营的“口岸通”智慧物流服务平台已接入车辆1.1万辆。郑州陆空通达多式联运有限公司落户郑州片区；其建设运营的中原空陆联运信息平台已上线。北京运河数字贸易服务有限公司注册在通州组团，搭建“运河数贸”跨境服务平台。2024年，这家企业在喀什综合保税区注册落户。",
    );
    for (firm, property, object) in [
        (
            "新疆天诚智运物流科技有限公司",
            Property::BasedIn,
            "霍尔果斯经济开发区",
        ),
        (
            "新疆天诚智运物流科技有限公司",
            Property::Operates,
            "口岸通智慧物流服务平台",
        ),
        (
            "郑州陆空通达多式联运有限公司",
            Property::Operates,
            "中原空陆联运信息平台",
        ),
        (
            "北京运河数字贸易服务有限公司",
            Property::Operates,
            "运河数贸跨境服务平台",
        ),
        (
            "北京运河数字贸易服务有限公司",
            Property::BasedIn,
            "喀什综合保税区",
        ),
    ] {
        assert!(
            has_relation(&x, firm, property, object),
            "{firm} {property:?} {object}: {}",
            relations(&x)
        );
    }
    // The zone a firm registered in does not run what the firm set up.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.property == Property::Operates && r.subject.label == "通州组团"),
        "{}",
        relations(&x)
    );
    // The words are no entities of their own.
    assert!(
        !x.entities
            .iter()
            .any(|e| e.label == "公司" || e.label == "其"),
        "{}",
        entities(&x)
    );
}

#[test]
fn an_honours_table_recognises_each_holder() {
    let x = extract(
        "社会责任报告",
        "2021年，本公司及下属企业获得的主要荣誉如下：\n\n序号　荣誉名称　　　　　　　　　　　　获得主体\n1　　江苏省五一劳动奖状　　　　　　　　苏港联运控股股份有限公司\n2　　交通运输部智慧港口建设典型案例　　“江海云港”智慧物流平台\n3　　江苏省服务型制造示范企业　　　　　苏州供应链公司\n",
    );
    for (holder, honour) in [
        ("苏港联运控股股份有限公司", "江苏省五一劳动奖状"),
        ("江海云港智慧物流平台", "交通运输部智慧港口建设典型案例"),
        ("苏州供应链公司", "江苏省服务型制造示范企业"),
    ] {
        assert!(
            has_relation(&x, holder, Property::RecognizedAs, honour),
            "{holder} {honour}: {}",
            relations(&x)
        );
    }
}

#[test]
fn an_unquoted_practice_after_its_maker_is_named_and_traced() {
    let x = extract(
        "复制推广动态",
        "2024年5月起，南沙片区复制推广芜湖片区首创的新能源汽车出口整车电池一体化检验，单批检验用时压缩至1.5个工作日。8月6日，霍尔果斯片区原创的二手车出口检测认证一体化在霍尔果斯综合保税区正式运行。南沙海关首创的跨境电商保税备货退货一仓通退模式累计处理退货包裹11.6万件。“一卡通办”是海南自由贸易港在全国首创的人才服务举措。",
    );
    for (practice, origin) in [
        (
            "新能源汽车出口整车电池一体化检验",
            "中国（安徽）自由贸易试验区芜湖片区",
        ),
        (
            "二手车出口检测认证一体化",
            "中国（新疆）自由贸易试验区霍尔果斯片区",
        ),
    ] {
        assert!(
            has_relation(&x, practice, Property::OriginatedIn, origin),
            "{practice}: {}",
            relations(&x)
        );
    }
    assert!(
        has_relation(
            &x,
            "新能源汽车出口整车电池一体化检验",
            Property::ReplicatedIn,
            "中国（广东）自由贸易试验区广州南沙新区片区"
        ),
        "{}",
        relations(&x)
    );
    // The name ends at its head noun, and a vague 人才服务举措 is no name.
    assert!(
        !x.entities
            .iter()
            .any(|e| e.label.contains("累计") || e.label.starts_with("人才服务")),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_copy_of_a_practice_its_maker_first_launched_names_both_zones() {
    let x = extract(
        "大事记",
        "雄安片区引进安徽自贸试验区合肥片区率先推出的外籍人才一卡通办服务，在片区政务服务大厅设立专窗。石家庄海关在正定片区推开大连海关首创的原产地证书“智能审签”。",
    );
    for (practice, property, object) in [
        (
            "外籍人才一卡通办服务",
            Property::ReplicatedIn,
            "中国（河北）自由贸易试验区雄安片区",
        ),
        (
            "外籍人才一卡通办服务",
            Property::OriginatedIn,
            "中国（安徽）自由贸易试验区合肥片区",
        ),
        (
            "原产地证书智能审签",
            Property::ReplicatedIn,
            "中国（河北）自由贸易试验区正定片区",
        ),
        ("原产地证书智能审签", Property::OriginatedIn, "大连海关"),
    ] {
        assert!(
            has_relation(&x, practice, property, object),
            "{practice} {property:?} {object}: {}",
            relations(&x)
        );
    }
    assert!(
        !x.entities.iter().any(|e| e.label.contains("推开")),
        "{}",
        entities(&x)
    );
}

#[test]
fn county_level_divisions_are_places() {
    let x = extract(
        "企业简介",
        "港联码头位于连云港市连云区。红河片区位于河口瑶族自治县。武汉楚科成果转化服务有限公司设在武昌区。",
    );
    for place in ["连云区", "河口瑶族自治县", "武昌区"] {
        assert!(
            has_entity(&x, Class::Place, place),
            "{place}: {}",
            entities(&x)
        );
    }
    assert!(
        has_relation(
            &x,
            "中国（云南）自由贸易试验区红河片区",
            Property::LocatedIn,
            "河口瑶族自治县"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_firm_named_after_jiu_you_does_not_take_it_in() {
    let x = extract(
        "动态",
        "列入2023年度国家技术转移示范机构名单的，就有武汉楚科成果转化服务有限公司。",
    );
    assert!(
        has_entity(&x, Class::Firm, "武汉楚科成果转化服务有限公司"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.starts_with("就有")),
        "{}",
        entities(&x)
    );
}

#[test]
fn an_item_led_by_a_practice_names_its_makers_after_the_colon() {
    // A poster's OCR: the item's lead on a line of its own, a wrap inside
    // a quotation, the maker after the colon.
    let x = extract(
        "海南自由贸易港制度创新成绩单",
        "【原创首创】\n①国际船舶登记“一窗通办”：\n由洋浦海事局首创，船舶所有权、国籍、抵押权登记一窗受理。\n\
         ②离岛免税商品“溯源一码通”：\n海口海关首创，一件商品一个码。\n",
    );
    assert!(
        has_relation(
            &x,
            "国际船舶登记一窗通办",
            Property::OriginatedIn,
            "洋浦海事局"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "离岛免税商品溯源一码通",
            Property::OriginatedIn,
            "海口海关"
        ),
        "{}",
        relations(&x)
    );
    // The item's number is not part of the name.
    assert!(!entities(&x).contains("2离岛"), "{}", entities(&x));
}

#[test]
fn a_sub_heading_is_read_and_a_place_in_brackets_is_not_part_of_a_name() {
    let x = extract(
        "海南自由贸易港重点园区",
        "一、园区名单\n1. 洋浦经济开发区（儋州市）\n洋浦经济开发区实行“一线放开、二线管住”。\n",
    );
    assert!(
        has_entity(&x, Class::SpecialZone, "洋浦经济开发区"),
        "{}",
        entities(&x)
    );
    assert!(!entities(&x).contains("（儋州市）"), "{}", entities(&x));
}

#[test]
fn unquoted_practices_after_a_verb_of_making_and_before_a_selection_are_one_node() {
    let x = extract(
        "长沙片区展厅讲解词",
        "我们重点介绍一项改革——“保税维修料件共享核销”。长沙片区联合长沙海关首创料件共享核销改革，允许同一企业不同维修项目共享保税备件库存。\
         2025年，保税维修料件共享核销改革入选商务部发布的全国自贸试验区第六批最佳实践案例。\
         这家企业落户在郴州综合保税区，正是“预检即放”改革的首批受益企业。",
    );
    let long = "保税维修料件共享核销";
    assert!(has_entity(&x, Class::Practice, long), "{}", entities(&x));
    // The short form and the form before 入选 are names of the same node.
    let node = x
        .entities
        .iter()
        .find(|e| e.label == long || e.aliases.contains(long));
    let node = node.unwrap_or_else(|| panic!("{:?}", x.entities));
    for form in ["料件共享核销改革", "保税维修料件共享核销改革"] {
        assert!(
            node.label == form || node.aliases.contains(form),
            "{form}: {node:?}"
        );
    }
    let label = node.label.as_str();
    assert!(
        has_relation(&x, label, Property::OriginatedIn, "长沙海关"),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            label,
            Property::RecognizedAs,
            "全国自贸试验区第六批最佳实践案例"
        ),
        "{}",
        relations(&x)
    );
    // 正是 is no part of a name.
    assert!(!entities(&x).contains("正是"), "{}", entities(&x));
}

#[test]
fn a_short_form_inside_two_practices_of_one_article_joins_neither() {
    let x = extract(
        "大连片区复制推广情况",
        "大连片区引进杭州片区首创的“保税研发料件共享核销”，沈阳片区学习长沙片区“保税维修料件共享核销”做法。\
         两个片区都推行“料件共享核销”。",
    );
    assert!(
        has_entity(&x, Class::Practice, "料件共享核销"),
        "{}",
        entities(&x)
    );
    for label in ["保税研发料件共享核销", "保税维修料件共享核销"] {
        let node = x
            .entities
            .iter()
            .find(|e| e.label.starts_with(label) || e.aliases.contains(label));
        let node = node.unwrap_or_else(|| panic!("{label}: {}", entities(&x)));
        assert!(!node.aliases.contains("料件共享核销"), "{label}: {node:?}");
    }
}

#[test]
fn the_items_above_a_count_are_what_was_selected() {
    let x = extract(
        "海南自贸港制度创新成绩单",
        "【原创首创】\n①国际船舶登记“一窗通办”：\n由洋浦海事局首创，登记一窗受理。\n\
         ②离岛免税商品“溯源一码通”：\n海口海关首创，一件商品一个码。\n\
         以上2项均入选海南自由贸易港第十九批制度创新案例。\n",
    );
    let recognition = "海南自由贸易港第十九批制度创新案例";
    for practice in ["国际船舶登记一窗通办", "离岛免税商品溯源一码通"] {
        assert!(
            has_relation(&x, practice, Property::RecognizedAs, recognition),
            "{}",
            relations(&x)
        );
        // Where each started was said above; the selection adds no origin.
        assert!(
            !has_relation(&x, practice, Property::OriginatedIn, "海南自由贸易港"),
            "{}",
            relations(&x)
        );
    }
}

#[test]
fn a_table_of_practices_gives_each_row_its_makers_copies_and_recognitions() {
    let x = extract(
        "制度创新成果扩散情况研究",
        "表3-1  部分典型制度创新成果扩散情况\n\
         序号 | 成果名称 | 首创主体 | 首创年份 | 复制推广地（部分） | 入选/认定情况\n\
         3 | 保税维修料件“一本账”管理 | 西永片区、西永海关 | 2020 | 河北自贸试验区正定片区 | 重庆自贸试验区第三批制度创新成果\n",
    );
    let practice = "保税维修料件一本账管理";
    assert!(
        has_relation(&x, practice, Property::OriginatedIn, "西永海关"),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::RecognizedAs,
            "重庆自贸试验区第三批制度创新成果"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        x.relations
            .iter()
            .any(|r| r.subject.label == practice && r.property == Property::ReplicatedIn),
        "{}",
        relations(&x)
    );
}

#[test]
fn an_apposition_names_a_practice_and_a_zone_it_was_copied_to_is_not_its_origin() {
    let x = extract(
        "短视频脚本",
        "解说词：（配音）保税维修一本账这项改革已被列入重庆自贸试验区第三批制度创新成果，\
         并在中国（河北）自由贸易试验区正定片区等地推广应用。\
         四年来，片区从“首创”到“复制”双向发力。",
    );
    let practice = "保税维修一本账";
    assert!(
        has_entity(&x, Class::Practice, practice),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::RecognizedAs,
            "重庆自贸试验区第三批制度创新成果"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        !has_relation(
            &x,
            practice,
            Property::OriginatedIn,
            "中国（河北）自由贸易试验区正定片区"
        ),
        "{}",
        relations(&x)
    );
    // 从“首创”到“复制”: a quoted word is no verb before a name.
    assert!(!entities(&x).contains("双向发力"), "{}", entities(&x));
}

#[test]
fn an_unquoted_practice_after_a_copy_verb_and_its_zone() {
    let x = extract(
        "大连片区复制推广情况",
        "大连片区方面，引进中国（浙江）自由贸易试验区杭州片区的保税研发料件共享核销，便利生物医药企业研发用料件跨项目核销；\
         沈阳片区学习中国（湖南）自由贸易试验区长沙片区保税维修料件共享核销做法。\
         营口片区引进中国（浙江）自由贸易试验区舟山片区的龙头企业。",
    );
    let research = "保税研发料件共享核销";
    assert!(
        has_relation(
            &x,
            research,
            Property::OriginatedIn,
            "中国（浙江）自由贸易试验区杭州片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            research,
            Property::ReplicatedIn,
            "中国（辽宁）自由贸易试验区大连片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_entity(&x, Class::Practice, "保税维修料件共享核销做法"),
        "{}",
        entities(&x)
    );
    // 龙头企业: too short a name, not a practice.
    assert!(!entities(&x).contains("龙头企业"), "{}", entities(&x));
}

#[test]
fn brackets_party_verbs_and_counts_end_or_refuse_names() {
    let x = extract(
        "安徽自贸动态",
        "【金融服务 / DỊCH VỤ TÀI CHÍNH】广西北部湾银行凭祥支行推出边贸结算服务。\
         德国丙公司诉济南齐鲁智造进出口有限公司国际货物买卖合同纠纷案审结。\
         受省自贸办委托，合肥片区企业646家参与调查。",
    );
    assert!(
        has_entity(&x, Class::Firm, "广西北部湾银行凭祥支行"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::Firm, "济南齐鲁智造进出口有限公司"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::GovernmentBody, "省自贸办"),
        "{}",
        entities(&x)
    );
    let labels = entities(&x);
    assert!(
        !labels.contains("646") && !labels.contains("受省") && !labels.contains("】"),
        "{labels}"
    );
}

#[test]
fn a_quoted_title_after_ping_wei_and_the_agent_of_bei_are_read() {
    let x = extract(
        "浙江自贸动态",
        "杭州海瑞跨境供应链有限公司被评为“杭州市跨境电商出口品牌服务商”。\
         浙江海瑞港航供应链股份有限公司被中国物流与采购联合会评为国家5A级物流企业。",
    );
    for (firm, title) in [
        ("杭州海瑞跨境供应链有限公司", "杭州市跨境电商出口品牌服务商"),
        ("浙江海瑞港航供应链股份有限公司", "国家5A级物流企业"),
    ] {
        assert!(
            has_relation(&x, firm, Property::RecognizedAs, title),
            "{}",
            relations(&x)
        );
    }
    assert_eq!(x.relations.len(), 2, "{}", relations(&x));
}

#[test]
fn a_recognition_of_an_unnamed_firm_goes_to_no_one() {
    let x = extract("江苏自贸动态", "苏州片区一企业获评“全球制造业灯塔工厂”。");
    assert!(
        !x.relations
            .iter()
            .any(|r| r.property == Property::RecognizedAs),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_second_name_in_brackets_and_a_source_after_zi_are_not_part_of_a_name() {
    let x = extract(
        "黑龙江自贸动态",
        "内容维护：黑龙江省商务厅（省自贸办）。\
         本服务移植自广西友谊关海关首先推出的跨境运输车辆“预约通关”模式。\
         〔预约通关〕绥芬河通达国际物流有限公司落户绥芬河综合保税区。",
    );
    for (class, label) in [
        (Class::GovernmentBody, "黑龙江省商务厅"),
        (Class::GovernmentBody, "广西友谊关海关"),
        (Class::Firm, "绥芬河通达国际物流有限公司"),
    ] {
        assert!(has_entity(&x, class, label), "{}", entities(&x));
    }
}

#[test]
fn made_de_shi_and_a_maker_after_a_comma_name_the_origin() {
    let x = extract(
        "天津自贸动态",
        "杭州片区首创的是“跨境电商出口退货一站式监管”，管的是出口退货。\
         外籍人才工作居留“两证联办”，是中心商务片区原创的，一次提交材料。\
         天津机场片区率先探索了跨境电商进口退货“一站式”监管。",
    );
    for (practice, origin) in [
        (
            "跨境电商出口退货一站式监管",
            "中国（浙江）自由贸易试验区杭州片区",
        ),
        (
            "外籍人才工作居留两证联办",
            "中国（天津）自由贸易试验区滨海新区中心商务片区",
        ),
        (
            "跨境电商进口退货一站式监管",
            "中国（天津）自由贸易试验区天津机场片区",
        ),
    ] {
        assert!(
            has_relation(&x, practice, Property::OriginatedIn, origin),
            "{}",
            relations(&x)
        );
    }
}

#[test]
fn a_policy_record_names_its_issuer_and_scope() {
    let compendium = extract(
        "河北省自贸试验区政策汇编",
        "本汇编收录2021年以来省级支持自贸试验区发展的政策文件。\n\n\
         1. 关于支持中国（河北）自由贸易试验区雄安片区开展数字人民币试点应用的若干措施\n\
         文    号：石银发〔2021〕87号\n\
         发布机关：河北省商务厅\n\
         适用范围：中国（河北）自由贸易试验区雄安片区",
    );
    let page = extract(
        "湖北省人民政府门户网站",
        "首页 > 政务公开 > 政策文件\n\n\
         索 引 号：011043005/2026-02871\n\
         发文机关：湖北省人民政府办公厅          成文日期：2026年03月02日\n\
         标    题：省人民政府办公厅关于印发《中国（湖北）自由贸易试验区制度创新成果复制推广管理办法》的通知\n\
         发文字号：鄂政办发〔2026〕11号",
    );
    let measures = "关于支持中国（河北）自由贸易试验区雄安片区开展数字人民币试点应用的若干措施";
    let notice =
        "省人民政府办公厅关于印发中国（湖北）自由贸易试验区制度创新成果复制推广管理办法的通知";
    let rules = "中国（湖北）自由贸易试验区制度创新成果复制推广管理办法";
    for (x, s, p, o) in [
        (&compendium, "河北省商务厅", Property::Issued, measures),
        (
            &compendium,
            measures,
            Property::AppliesTo,
            "中国（河北）自由贸易试验区雄安片区",
        ),
        (&page, "湖北省人民政府办公厅", Property::Issued, notice),
        (&page, "湖北省人民政府办公厅", Property::Issued, rules),
    ] {
        assert!(has_relation(x, s, p, o), "{s} {p} {o}\n{}", relations(x));
    }
}

#[test]
fn a_zone_after_cong_is_where_a_copied_practice_came_from() {
    let x = extract(
        "湖南自贸试验区长沙片区工作动态",
        "长沙片区注重对标先进。同年，片区从中国（浙江）自由贸易试验区宁波片区移植了“云上共调”机制，\
         设立涉外商事纠纷在线调解室。",
    );
    let changsha = "中国（湖南）自由贸易试验区长沙片区";
    let ningbo = "中国（浙江）自由贸易试验区宁波片区";
    assert!(
        has_relation(&x, "云上共调机制", Property::ReplicatedIn, changsha),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(&x, "云上共调机制", Property::OriginatedIn, ningbo),
        "{}",
        relations(&x)
    );
    assert!(
        !has_relation(&x, "云上共调机制", Property::ReplicatedIn, ningbo),
        "{}",
        relations(&x)
    );
}

#[test]
fn prose_in_a_table_cell_is_read_like_body_text() {
    let document = parse_text(
        "成果库导出.csv.txt",
        "序号,成果名称,所属片区,主要做法,入选情况\n\
         1,跨境电商海外仓仓单质押融资,深圳前海蛇口片区,\"深圳前海链融科技有限公司注册在前海蛇口片区，运用区块链技术对海外仓货物实时确权、动态估值，帮助跨境电商卖家获得融资。\",入选全国自贸试验区第六批“最佳实践案例”\n",
    );
    let x = extractor().extract_document(&document).remove(0);
    let firm = "深圳前海链融科技有限公司";
    let area = "中国（广东）自由贸易试验区深圳前海蛇口片区";
    assert!(
        has_relation(&x, firm, Property::BasedIn, area),
        "{}",
        relations(&x)
    );
    // The honour cell opens with its verb; the recognition does not.
    assert!(
        has_entity(&x, Class::Recognition, "全国自贸试验区第六批最佳实践案例"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_numbered_item_names_its_maker_and_scope_not_its_lead_units() {
    let notice = extract(
        "河北省人民政府关于复制推广第五批制度创新成果的通知",
        "一、复制推广的第五批制度创新成果\n\n\
         （一）工程款链上穿透支付。由中国（河北）自由贸易试验区雄安片区首创，将工程款拨付全过程上链。推广范围：中国（河北）自由贸易试验区正定片区。\n\n\
         （二）LNG储罐罐容分时租赁。发源于中国（河北）自由贸易试验区曹妃甸片区，允许富余罐容按时段租赁。推广范围：全省沿海港口。",
    );
    let practice = "工程款链上穿透支付";
    for (s, p, o) in [
        (
            practice,
            Property::OriginatedIn,
            "中国（河北）自由贸易试验区雄安片区",
        ),
        (
            practice,
            Property::ReplicatedIn,
            "中国（河北）自由贸易试验区正定片区",
        ),
        (
            "LNG储罐罐容分时租赁",
            Property::OriginatedIn,
            "中国（河北）自由贸易试验区曹妃甸片区",
        ),
    ] {
        assert!(
            has_relation(&notice, s, p, o),
            "{s} {p} {o}\n{}",
            relations(&notice)
        );
    }
    let plan = extract(
        "陕西自贸试验区2025年工作要点",
        "1. 实施提升战略三年行动。\n\
         （牵头单位：省商务厅；责任单位：省发展改革委、省司法厅）",
    );
    assert!(
        !plan
            .relations
            .iter()
            .any(|r| r.property == Property::OriginatedIn),
        "{}",
        relations(&plan)
    );
}

#[test]
fn items_after_an_announced_list_are_recognised_as_it_and_titles_lose_chenghao() {
    let x = extract(
        "湖南自贸试验区发布2023年度十大制度创新案例",
        "3月18日，湖南省商务厅正式对外发布“湖南自贸试验区2023年度十大制度创新案例”。\n\n\
         1. 非洲非资源性产品集采分销模式：长沙片区首创该模式，统一采购、集中报关。\n\n\
         2. 加工贸易“一企一账”智能监管：郴州片区率先探索形成这一做法。\n\n\
         下一步将推动上述案例落地见效。\n\n\
         湖北驰远新能源汽车零部件股份有限公司荣获国家级专精特新“小巨人”企业称号。",
    );
    let list = "湖南自贸试验区2023年度十大制度创新案例";
    for practice in ["非洲非资源性产品集采分销模式", "加工贸易一企一账智能监管"]
    {
        assert!(
            has_relation(&x, practice, Property::RecognizedAs, list),
            "{practice}\n{}",
            relations(&x)
        );
    }
    assert!(
        has_relation(
            &x,
            "湖北驰远新能源汽车零部件股份有限公司",
            Property::RecognizedAs,
            "国家级专精特新小巨人企业"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn items_of_an_announced_selection_are_recognised_made_and_copied() {
    let x = extract(
        "四川自贸试验区发布十大制度创新案例",
        "近日，四川省自贸办发布“2026年度四川自贸试验区十大制度创新案例”，入选案例如下：\n\n\
         （一）保税维修“一单到底”监管模式（简称“一单到底”）。中国（四川）自由贸易试验区川南临港片区原创，已在中国（河南）自由贸易试验区郑州片区推广应用。\n\n\
         （二）推广成熟经验。中国（四川）自由贸易试验区成都天府新区片区原创。",
    );
    let practice = "保税维修一单到底监管模式";
    assert!(
        has_entity(&x, Class::Practice, practice),
        "{}",
        entities(&x)
    );
    let recognition = "2026年度四川自贸试验区十大制度创新案例";
    assert!(
        has_relation(&x, practice, Property::RecognizedAs, recognition),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::OriginatedIn,
            "中国（四川）自由贸易试验区川南临港片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::ReplicatedIn,
            "中国（河南）自由贸易试验区郑州片区"
        ),
        "{}",
        relations(&x)
    );
    // A task of a work plan is no practice, whoever made it.
    assert!(
        !has_entity(&x, Class::Practice, "推广成熟经验"),
        "{}",
        entities(&x)
    );
}

#[test]
fn the_platform_or_firm_a_later_sentence_goes_on_about_is_recognised() {
    let x = extract(
        "临港新片区离岸贸易服务再升级",
        "由临港新片区管委会指导、上海临港数字贸易服务有限公司建设运营的“离岸通”跨境贸易综合服务平台已接入14家银行。该平台日前获评“2024年上海市数字化转型优秀场景”。\n\n\
         集团建设运营的“港航通”国际物流公共信息平台，汇集船期和通关信息，2025年入选江苏省智慧物流示范平台。\n\n\
         湖南湘欧快线国际物流有限公司总部位于长沙经开区。2023年被评为湖南省五A级物流企业。",
    );
    for (receiver, title) in [
        (
            "离岸通跨境贸易综合服务平台",
            "2024年上海市数字化转型优秀场景",
        ),
        ("港航通国际物流公共信息平台", "江苏省智慧物流示范平台"),
        ("湖南湘欧快线国际物流有限公司", "湖南省五A级物流企业"),
    ] {
        assert!(
            has_relation(&x, receiver, Property::RecognizedAs, title),
            "{receiver} {title}\n{}",
            relations(&x)
        );
    }
    // The operator of a platform is not what the platform's title goes to.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.property == Property::RecognizedAs
                && r.subject.label == "上海临港数字贸易服务有限公司"),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_quoted_name_run_by_someone_is_a_platform_and_a_commissioned_firm_runs_it() {
    let x = extract(
        "济南片区跨境电商服务提质",
        "“泉城跨境通”由济南高新技术产业开发区管理委员会建设运营，集通关、结汇、退税于一体。\n\n\
         “合肥片区知识产权运营服务平台”由我委搭建，委托合肥知产汇科技服务有限公司运营，全年发布专利1320项。\n\n\
         为了让企业“少跑腿”，由陆港物流公司建设运营的“陆港通”数字服务平台同步上线。",
    );
    assert!(
        has_entity(&x, Class::Platform, "泉城跨境通"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "济南高新技术产业开发区管理委员会",
            Property::Operates,
            "泉城跨境通"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "合肥知产汇科技服务有限公司",
            Property::Operates,
            "合肥片区知识产权运营服务平台"
        ),
        "{}",
        relations(&x)
    );
    // 委托 is the verb, not the start of the firm's name.
    assert!(!has_entity(
        &x,
        Class::Firm,
        "委托合肥知产汇科技服务有限公司"
    ));
    // The 的 phrase runs the platform after it, not the slogan before.
    assert!(
        !has_entity(&x, Class::Platform, "少跑腿"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_party_sits_where_its_address_starts_and_in_the_zone_bracketed_there() {
    let x = extract(
        "厦门片区仓储合同纠纷案判决书",
        "被告：厦门台贸通跨境电子商务有限公司，住所地中国（福建）自由贸易试验区厦门片区（厦门象屿综合保税区）象兴四路22号之三。",
    );
    for zone in ["中国（福建）自由贸易试验区厦门片区", "厦门象屿综合保税区"]
    {
        assert!(
            has_relation(
                &x,
                "厦门台贸通跨境电子商务有限公司",
                Property::BasedIn,
                zone
            ),
            "{zone}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn the_fields_of_a_firm_card_are_about_its_firm() {
    let x = extract(
        "企业信用信息公示报告（摘录）",
        "企业名称：广西崇左边贸仓储有限公司\n\
         统一社会信用代码：91451400MA5L2C8F6W\n\
         住所：广西壮族自治区崇左市凭祥市凭祥综合保税区综合服务楼3楼301室\n\
         荣誉：2024年获评广西物流与供应链行业诚信企业\n\
         投资平台：参与投资并运营“中越跨境货运智慧调度平台”（持股35%）\n\n\
         片区持续优化营商环境，企业办事更加便利。",
    );
    let firm = "广西崇左边贸仓储有限公司";
    // The address's chain of units is not part of the zone's name.
    assert!(
        has_entity(&x, Class::SpecialZone, "凭祥综合保税区"),
        "{}",
        entities(&x)
    );
    for (p, o) in [
        (Property::BasedIn, "凭祥综合保税区"),
        (Property::RecognizedAs, "广西物流与供应链行业诚信企业"),
        (Property::Operates, "中越跨境货运智慧调度平台"),
    ] {
        assert!(has_relation(&x, firm, p, o), "{p} {o}\n{}", relations(&x));
    }
    assert!(
        x.relations
            .iter()
            .any(|r| r.subject.label == firm && r.property == Property::LocatedIn),
        "{}",
        relations(&x)
    );
    // A paragraph that is no field ends the card.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.label == firm && r.evidence.iter().any(|e| e.contains("营商环境"))),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_clause_that_refers_back_says_where_the_practice_started() {
    let x = extract(
        "会员动态",
        "中国（天津）自由贸易试验区滨海新区中心商务片区今年推开信用修复预提醒机制，\
         这一机制源自中国（江苏）自由贸易试验区南京片区。\
         我片区推出税务注销“智能预检”服务。这项服务由国家税务总局天津市滨海新区税务局率先推出。",
    );
    let practice = "信用修复预提醒机制";
    assert!(
        has_entity(&x, Class::Practice, practice),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::ReplicatedIn,
            "中国（天津）自由贸易试验区滨海新区中心商务片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            practice,
            Property::OriginatedIn,
            "中国（江苏）自由贸易试验区南京片区"
        ),
        "{}",
        relations(&x)
    );
    // A sentence that opens with the words speaks of the sentence before's practice.
    assert!(
        has_relation(
            &x,
            "税务注销智能预检服务",
            Property::OriginatedIn,
            "国家税务总局天津市滨海新区税务局"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_full_stop_between_a_reference_title_and_its_source_ends_names() {
    let x = extract(
        "参考资料",
        "3.  上海海关在张江片区试行进口研发药品一站式查验  ．上海海关 ．2021-06-18\n\
         4.  国际数据港公共服务平台上线  ．临港新片区管委会 ．2022-11-03",
    );
    assert!(
        has_entity(&x, Class::GovernmentBody, "上海海关"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.starts_with('．')),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_copy_verb_names_the_practice_it_takes_without_a_demonstrative() {
    let x = extract(
        "网友评论回复",
        "绥芬河片区去年11月已经引进了这套口岸车辆一屏调度机制，目前公路口岸货运通道已全部接入。",
    );
    assert!(
        x.entities
            .iter()
            .any(|e| e.class == Class::Practice && e.label.starts_with("口岸车辆一屏调度")),
        "{}",
        entities(&x)
    );
    assert!(
        x.relations
            .iter()
            .any(|r| r.property == Property::ReplicatedIn
                && r.subject.label.starts_with("口岸车辆一屏调度")
                && r.object.label.contains("绥芬河片区")),
        "{}",
        relations(&x)
    );
}

#[test]
fn the_maker_may_follow_in_the_next_clause_or_name_the_zone_it_made_it_in() {
    let x = extract(
        "工单答复",
        "片区企业可以办理“海运提单质押直贷”模式。\
         这种模式由大连银行在中国（辽宁）自由贸易试验区大连片区首先推出。\
         种子出口“一证通检”模式，最早是杨凌海关先行先试的。",
    );
    for (practice, maker) in [
        ("海运提单质押直贷", "大连银行"),
        ("海运提单质押直贷", "中国（辽宁）自由贸易试验区大连片区"),
        ("种子出口一证通检", "杨凌海关"),
    ] {
        assert!(
            x.relations
                .iter()
                .any(|r| r.property == Property::OriginatedIn
                    && r.subject.label.starts_with(practice)
                    && r.object.label == maker),
            "{practice} {maker}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn a_firm_row_of_a_table_says_the_zone_it_is_based_in() {
    let x = extract(
        "商会通讯",
        "新会员名录\n\n\
         序号  企业名称                              所在片区              主营业务\n\
         1     大连海川精密机械有限公司              大连片区              船用零部件\n\
         2     沈阳云启智能科技有限公司              沈阳片区              软件开发\n\n\
         以上排名不分先后。",
    );
    for (firm, zone) in [
        (
            "大连海川精密机械有限公司",
            "中国（辽宁）自由贸易试验区大连片区",
        ),
        (
            "沈阳云启智能科技有限公司",
            "中国（辽宁）自由贸易试验区沈阳片区",
        ),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn numbered_annex_records_give_origin_copies_and_the_list_they_belong_to() {
    let x = extract(
        "重庆市人民政府办公厅关于复制推广第六批改革试点经验的通知",
        "附件 1\n\n重庆自贸试验区第六批改革试点经验\n\n1. 事项名称：铁海联运“拼箱即走”模式\n主要内容：在果园港片区开展内陆拼箱货物先拼箱、后申报。\n来源片区：果园港片区\n推广范围：两江片区、西永片区\n牵头单位：市交通运输委\n\n附件 2\n\n外省市自贸试验区改革试点经验借鉴推广事项\n\n2. 事项名称：“科创积分贷”融资模式\n主要内容：依据企业科创积分给予信用贷款。\n来源片区：江苏自贸试验区苏州片区\n推广范围：两江片区\n牵头单位：市科技局",
    );
    let chongqing = |a: &str| format!("中国（重庆）自由贸易试验区{a}");
    let practice = "铁海联运拼箱即走模式";
    let list = "重庆自贸试验区第六批改革试点经验";
    for (s, p, o) in [
        (practice, Property::OriginatedIn, chongqing("果园港片区")),
        (practice, Property::ReplicatedIn, chongqing("两江片区")),
        (practice, Property::ReplicatedIn, chongqing("西永片区")),
        (practice, Property::RecognizedAs, list.to_owned()),
        (
            "科创积分贷融资模式",
            Property::OriginatedIn,
            "中国（江苏）自由贸易试验区苏州片区".to_owned(),
        ),
        (
            "科创积分贷融资模式",
            Property::ReplicatedIn,
            chongqing("两江片区"),
        ),
    ] {
        assert!(
            has_relation(&x, s, p, &o),
            "{s} {p} {o}:\n{}",
            relations(&x)
        );
    }
    // The second annex is no selection: its items are not in the first list.
    assert!(
        !has_relation(&x, "科创积分贷融资模式", Property::RecognizedAs, list),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_policy_catalogue_saved_from_a_spreadsheet_names_issuers_and_scopes() {
    let sheet = "中国（安徽）自由贸易试验区政策汇编目录（2023年版）,,,,,\n编制单位：省自贸办,,,,,\n,,,,,\n序号,政策名称,发文机关,发文字号,适用范围,发布日期\n1,芜湖片区跨境电商产业发展扶持办法,芜湖市人民政府办公室,芜政办〔2021〕22号,芜湖片区,2021-08-30\n2,跨境电商出口退货“仓内直退”监管操作指引,合肥海关,合关〔2023〕12号,合肥片区；芜湖片区,2023-02-20\n3,芜湖片区商品车出口监管服务十条措施,芜湖海关,芜关〔2023〕20号,芜湖片区,2023-10-30\n4,制定蚌埠片区硅基新材料产业集聚发展若干措施,蚌埠市人民政府,蚌政〔2022〕15号,蚌埠片区,2022-03-11\n";
    let document = parse_text("目录.csv", sheet);
    let x = extractor().extract_document(&document).remove(0);
    let anhui = |a: &str| format!("中国（安徽）自由贸易试验区{a}");
    let guide = "跨境电商出口退货仓内直退监管操作指引";
    for (s, p, o) in [
        (
            "芜湖市人民政府办公室",
            Property::Issued,
            "芜湖片区跨境电商产业发展扶持办法".to_owned(),
        ),
        (
            "芜湖片区跨境电商产业发展扶持办法",
            Property::AppliesTo,
            anhui("芜湖片区"),
        ),
        ("合肥海关", Property::Issued, guide.to_owned()),
        (guide, Property::AppliesTo, anhui("合肥片区")),
        (guide, Property::AppliesTo, anhui("芜湖片区")),
        (
            "芜湖海关",
            Property::Issued,
            "芜湖片区商品车出口监管服务十条措施".to_owned(),
        ),
    ] {
        assert!(
            has_relation(&x, s, p, &o),
            "{s} {p} {o}:\n{}",
            relations(&x)
        );
    }
    // A row that is a task about a policy (制定…) names no policy of its own.
    assert!(
        !has_entity(
            &x,
            Class::Policy,
            "制定蚌埠片区硅基新材料产业集聚发展若干措施"
        ),
        "{}",
        entities(&x)
    );
    assert!(!has_entity(&x, Class::Practice, guide), "{}", entities(&x));
}

#[test]
fn a_quote_whose_words_run_back_to_a_making_verb_names_a_practice() {
    let x = extract(
        "杭州片区动态",
        "2021年，杭州海关首先推出跨境电商出口退货“仓内直退”，退回的商品在仓内完成查验。2020年，武汉海关在武汉片区首先推出生物医药研发用物品“清单制”通关。该片区把原创经验“墙内开花”的问题摆上桌面，实现国家级案例“零”的突破。",
    );
    assert!(
        has_relation(
            &x,
            "跨境电商出口退货仓内直退",
            Property::OriginatedIn,
            "杭州海关"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            // 通关 ends the name (the writers' 生物医药研发用物品清单通关).
            "生物医药研发用物品清单制通关",
            Property::OriginatedIn,
            "中国（湖北）自由贸易试验区武汉片区"
        ),
        "{}",
        relations(&x)
    );
    // A generic word or one character in quotes names no practice.
    for label in ["墙内开花", "经验墙内开花", "国家级案例零", "零"] {
        assert!(!has_entity(&x, Class::Practice, label), "{}", entities(&x));
    }
}

#[test]
fn a_date_before_a_body_is_not_part_of_its_name() {
    let x = extract(
        "海南自由贸易港制度集成创新促进条例",
        "2026年3月28日海南省第七届人民代表大会常务委员会第二十次会议通过。船员证书多证联办，是2021年广州海事局在南沙片区首先推出的。",
    );
    for body in ["海南省第七届人民代表大会常务委员会", "广州海事局"] {
        assert!(
            has_entity(&x, Class::GovernmentBody, body),
            "{}",
            entities(&x)
        );
    }
    for cut in ["日海南省第七届人民代表大会常务委员会", "年广州海事局"] {
        assert!(
            !has_entity(&x, Class::GovernmentBody, cut),
            "{}",
            entities(&x)
        );
    }
}

#[test]
fn a_case_card_says_who_created_and_copied_its_practice_in_its_prose() {
    let x = extract(
        "商务部办公厅关于印发自由贸易试验区第六批最佳实践案例的函",
        "自由贸易试验区第六批最佳实践案例\n\n\
         一、案例名称：企业注销“一键清税”\n\
         申报单位：福建省人民政府\n\
         主要做法：国家税务总局福州市税务局在福建自贸试验区福州片区首创，依托电子税务局清税专区，当场出具清税文书。该服务已在海南自由贸易港复制推广。\n\n\
         二、案例名称：跨境电商“一码通关”\n\
         申报单位：中国（浙江）自由贸易试验区宁波片区管理委员会\n\
         主要做法：以跨境电商订单为载体，实现一次申报、一码通关。\n",
    );
    let card = "企业注销一键清税";
    for origin in [
        "国家税务总局福州市税务局",
        "中国（福建）自由贸易试验区福州片区",
    ] {
        assert!(
            has_relation(&x, card, Property::OriginatedIn, origin),
            "{}",
            relations(&x)
        );
    }
    assert!(
        has_relation(&x, card, Property::ReplicatedIn, "海南自由贸易港"),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            card,
            Property::RecognizedAs,
            "自由贸易试验区第六批最佳实践案例"
        ),
        "{}",
        relations(&x)
    );
    // The province that put the case forward did not create it; where the
    // prose names no creator, the declaring committee is the origin.
    assert!(
        !has_relation(&x, card, Property::OriginatedIn, "福建省人民政府"),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "跨境电商一码通关",
            Property::OriginatedIn,
            "中国（浙江）自由贸易试验区宁波片区管理委员会"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn the_actor_before_a_relative_verb_of_running_operates_the_platform() {
    let x = extract(
        "昆明片区推进班列运费分段结算",
        "昆明片区依托云南陆港通供应链集团有限公司运营的“澜湄班列通”平台，实现分段结算。企业可通过省商务厅运营的“皖贸通”自贸服务平台一站式查询。",
    );
    assert!(
        has_relation(
            &x,
            "云南陆港通供应链集团有限公司",
            Property::Operates,
            "澜湄班列通平台"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(&x, "省商务厅", Property::Operates, "皖贸通自贸服务平台"),
        "{}",
        relations(&x)
    );
    assert!(
        !has_relation(
            &x,
            "中国（云南）自由贸易试验区昆明片区",
            Property::Operates,
            "澜湄班列通平台"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn an_area_named_by_its_short_form_carries_that_form_in_full() {
    let x = extract(
        "张江片区推进生物医药改革",
        "张江片区位于浦东新区，南沙片区也有类似做法。",
    );
    assert!(
        has_entity(&x, Class::Area, "中国（上海）自由贸易试验区张江片区"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::Area, "中国（广东）自由贸易试验区南沙片区"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_company_s_trade_verb_and_a_box_line_around_it() {
    let x = extract(
        "班列运费分段结算",
        "改革依托成都国际陆港运营有限公司的平台实施，市城投建设有限公司参与。\n│西安陆港班列运营有限公司负责班列组织│\n辖内银行积极参与。",
    );
    for firm in [
        "成都国际陆港运营有限公司",
        "市城投建设有限公司",
        "西安陆港班列运营有限公司",
    ] {
        assert!(has_entity(&x, Class::Firm, firm), "{}", entities(&x));
    }
    assert!(
        !x.entities.iter().any(|e| e.label.contains('│')),
        "{}",
        entities(&x)
    );
    // 辖内 before 银行 is no trade: no firm named 辖内银行.
    assert!(
        !x.entities.iter().any(|e| e.label.ends_with("辖内银行")),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_special_zone_lies_in_the_place_its_name_holds_only_where_the_sentence_names_it() {
    // 西安 is named on its own in two other sentences, not in the one that
    // names 西安综合保税区: that sentence states nothing of where it lies.
    let x = extract(
        "西安片区动态",
        "西安外贸进出口总额增长。西安综合保税区推出保税维修新模式，保税维修规模持续扩大。\n\n位于西安的西安高新综合保税区开展研发业务。",
    );
    assert!(
        !has_relation(&x, "西安综合保税区", Property::LocatedIn, "西安"),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(&x, "西安高新综合保税区", Property::LocatedIn, "西安"),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_quote_holding_a_list_names_one_practice_unless_it_stands_alone_before_gaige() {
    let x = extract(
        "沈阳片区经验在省内推广",
        "由沈阳片区会同沈阳海关首创的大型成套设备“分段申报、整体放行”改革已在省内大连片区、营口片区复制推广。\
★沈阳片区“检验前置、口岸直放”入选国家第八批改革试点经验。\
“一业一证、证照联办”改革实施范围扩大至12个行业。\
“分段申报、整体放行”累计服务设备出口97台（套）。",
    );
    for p in [
        "大型成套设备分段申报、整体放行改革",
        "检验前置、口岸直放",
        "一业一证",
    ] {
        assert!(has_entity(&x, Class::Practice, p), "{p}: {}", entities(&x));
    }
    assert!(
        !has_entity(&x, Class::Practice, "分段申报"),
        "{}",
        entities(&x)
    );
    assert!(!has_entity(&x, Class::Practice, "一业一证、证照联办"));
    // 累计 is no word of a name: the quote's name ends at the quote.
    assert!(
        !x.entities.iter().any(|e| e.label.contains("累计")),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "大型成套设备分段申报、整体放行改革",
            Property::ReplicatedIn,
            "中国（辽宁）自由贸易试验区营口片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn zones_before_quanmian_tuiguang_copy_the_practice_it_refers_back_to() {
    let x = extract(
        "金义片区“保税直播+前店后仓”模式",
        "浙江自贸试验区金义片区2021年在全国率先探索“保税直播+前店后仓”模式。\
今年9月，浙江省商务厅印发《关于推广“保税直播+前店后仓”模式的通知》，在宁波片区、杭州片区、舟山片区全面推广这一做法。",
    );
    for zone in ["宁波片区", "杭州片区", "舟山片区"] {
        let zone = format!("中国（浙江）自由贸易试验区{zone}");
        assert!(
            has_relation(&x, "保税直播+前店后仓模式", Property::ReplicatedIn, &zone),
            "{zone}: {}",
            relations(&x)
        );
    }
}

#[test]
fn a_list_before_ruxuan_takes_the_title_announced_before_it() {
    let x = extract(
        "海南自贸港发布第十六批制度创新案例",
        "海南省委自由贸易港工作委员会办公室21日对外发布海南自由贸易港第十六批制度创新案例，国际船舶登记“一次核验”制度、外籍人才“一卡通办”服务等8项案例入选。",
    );
    let title = "海南自由贸易港第十六批制度创新案例";
    for p in ["国际船舶登记一次核验制度", "外籍人才一卡通办服务"] {
        let found = x.relations.iter().any(|r| {
            (r.subject.label == p || p.starts_with(r.subject.label.as_str()))
                && r.property == Property::RecognizedAs
                && r.object.label == title
        });
        assert!(found, "{p}: {}", relations(&x));
    }
}

#[test]
fn a_firm_referred_back_to_moves_into_a_zone() {
    let x = extract(
        "航空维修",
        "卡斯蒂利亚航空服务（北京）有限公司成立于2019年，主营航空零部件维修。2021年，该公司将保税维修业务整体迁入北京天竺综合保税区。\
沃尔夫精密部件（沈阳）有限公司3月完成注册。这家汽车零部件企业注册在中国（辽宁）自由贸易试验区沈阳片区。",
    );
    assert!(
        has_entity(&x, Class::SpecialZone, "北京天竺综合保税区"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            "卡斯蒂利亚航空服务（北京）有限公司",
            Property::BasedIn,
            "北京天竺综合保税区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "沃尔夫精密部件（沈阳）有限公司",
            Property::BasedIn,
            "中国（辽宁）自由贸易试验区沈阳片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_platform_is_run_by_who_built_and_runs_it_and_by_partners_joined_by_xieshou() {
    let x = extract(
        "岳阳片区数字赋能",
        "“寒地智检”平台由哈尔滨冰城智汇科技有限公司自主研发并建设运营，2023年入选黑龙江省工业互联网标杆平台。\
岳阳片区携手湖南城陵矶国际港务集团有限公司上线运营“岳港通”口岸综合服务平台。",
    );
    assert!(
        has_relation(
            &x,
            "哈尔滨冰城智汇科技有限公司",
            Property::Operates,
            "寒地智检平台"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_entity(&x, Class::Firm, "湖南城陵矶国际港务集团有限公司"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.contains("携手")),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_zutuan_is_part_of_its_pianqu_where_the_article_names_it_else_of_the_zone() {
    let beijing = "中国（北京）自由贸易试验区";
    let x = extract(
        "顺义组团深化改革创新",
        "为支持中国（北京）自由贸易试验区国际商务服务片区顺义组团深化改革创新，制定本措施。",
    );
    let shunyi = "顺义组团";
    assert!(
        has_relation(
            &x,
            shunyi,
            Property::PartOf,
            &format!("{beijing}国际商务服务片区")
        ),
        "{}",
        relations(&x)
    );
    let x = extract(
        "医疗领域扩大开放试点政策在亦庄落地",
        "中国（北京）自由贸易试验区亦庄组团落地全国首家外商独资医院。",
    );
    assert!(
        has_relation(&x, "亦庄组团", Property::PartOf, beijing),
        "{}",
        relations(&x)
    );
    assert!(
        !has_entity(&x, Class::Area, &format!("{beijing}高端产业片区")),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_name_introduced_by_jiao_starts_after_it() {
    let x = extract(
        "平潭片区跨境电商",
        "平潭片区有个叫平潭岚台优品跨境电商有限公司的企业，专做台湾商品进口。",
    );
    assert!(
        has_entity(&x, Class::Firm, "平潭岚台优品跨境电商有限公司"),
        "{}",
        entities(&x)
    );
    assert!(
        !x.entities.iter().any(|e| e.label.contains('叫')),
        "{}",
        entities(&x)
    );
}

#[test]
fn verbs_of_holding_and_asking_end_a_name() {
    let x = extract(
        "营口片区综保区",
        "营口片区所辖营口综合保税区开展保税维修业务。南宁片区范围内含南宁综合保税区。该做法经商省发展改革委同意后实施。",
    );
    for (class, name) in [
        (Class::SpecialZone, "营口综合保税区"),
        (Class::SpecialZone, "南宁综合保税区"),
        (Class::GovernmentBody, "省发展改革委"),
    ] {
        assert!(has_entity(&x, class, name), "{name}: {}", entities(&x));
    }
    for word in ["所辖", "内含", "经商"] {
        assert!(
            !x.entities.iter().any(|e| e.label.contains(word)),
            "{word}: {}",
            entities(&x)
        );
    }
}

#[test]
fn the_home_country_named_in_passing_is_no_place_unless_another_country_is_named() {
    let x = extract(
        "南宁片区金融开放",
        "南宁片区创建科创教育制度的新样本，为中国基础教育改革探索新路径。",
    );
    assert!(!has_entity(&x, Class::Place, "中国"), "{}", entities(&x));
    let x = extract(
        "崇左片区跨境物流",
        "崇左片区推动崇左—越南跨境物流发展，为中国—越南跨境电商发展奠定基础。",
    );
    assert!(has_entity(&x, Class::Place, "中国"), "{}", entities(&x));
    assert!(has_entity(&x, Class::Place, "越南"), "{}", entities(&x));
}

#[test]
fn a_quote_before_rongzi_or_tongguan_names_a_practice() {
    let x = extract(
        "港务区片区一单制",
        "中国（陕西）自由贸易试验区西安国际港务区片区首创多式联运“一单制”提单融资。\
郑州片区复制推广研发用物品进口“白名单”便利通关。",
    );
    for p in ["多式联运一单制提单融资", "研发用物品进口白名单便利通关"] {
        assert!(has_entity(&x, Class::Practice, p), "{p}: {}", entities(&x));
    }
}

#[test]
fn a_zone_named_inside_its_area_name_carries_that_form() {
    let x = extract(
        "上海自贸试验区学习借鉴",
        "上海自贸试验区学习借鉴浙江自贸试验区金义片区首创的跨境电商保税展示+直播销售模式。",
    );
    let zone = "中国（浙江）自由贸易试验区";
    let e = x
        .entities
        .iter()
        .find(|e| e.label == zone)
        .expect("the zone");
    assert!(e.aliases.contains("浙江自贸试验区"), "{:?}", e.aliases);
    assert!(
        has_relation(&x, &format!("{zone}金义片区"), Property::PartOf, zone),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_platform_run_by_someone_receives_the_title_given_later_in_the_sentence() {
    let x = extract(
        "泉城跨境通入选典型应用场景",
        "“泉城跨境通”由济南高新技术产业开发区管理委员会建设运营，集通关、结汇、退税于一体，2025年入选山东省数字经济典型应用场景。\
“丝路云仓”服务平台由新疆丝路数港供应链有限公司搭建运营，2024年获评自治区数字经济创新应用示范项目。\
中国人民银行武汉分行牵头搭建的“楚贸通”跨境金融服务平台已接入38家银行，2021年被列入第二批跨境金融服务平台试点应用场景。",
    );
    for (platform, title) in [
        ("泉城跨境通", "山东省数字经济典型应用场景"),
        ("丝路云仓服务平台", "自治区数字经济创新应用示范项目"),
        (
            "楚贸通跨境金融服务平台",
            "第二批跨境金融服务平台试点应用场景",
        ),
    ] {
        assert!(
            has_relation(&x, platform, Property::RecognizedAs, title),
            "{platform}: {}",
            relations(&x)
        );
    }
    for runner in [
        "济南高新技术产业开发区管理委员会",
        "新疆丝路数港供应链有限公司",
        "中国人民银行武汉分行",
    ] {
        assert!(
            !x.relations
                .iter()
                .any(|r| r.subject.label == runner && r.property == Property::RecognizedAs),
            "{runner}: {}",
            relations(&x)
        );
    }
}

#[test]
fn a_short_brand_name_is_the_platform_whose_name_it_opens() {
    let x = extract(
        "江城链仓",
        "芜湖港联储运有限公司建设运营的江城链仓大宗商品仓单服务平台已上线。“江城链仓”入选2022年安徽省数字经济典型应用场景。",
    );
    let platform = "江城链仓大宗商品仓单服务平台";
    assert!(
        !has_entity(&x, Class::Practice, "江城链仓"),
        "{}",
        entities(&x)
    );
    assert!(
        has_entity(&x, Class::Platform, "江城链仓"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            platform,
            Property::RecognizedAs,
            "2022年安徽省数字经济典型应用场景"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn items_under_a_zone_heading_name_practice_origin_list_and_copy() {
    let x = extract(
        "信息公开答复书",
        "二、各片区复制推广外省改革试点经验情况\n\n（一）成都天府新区片区\n\n\
1．专利开放许可“先试后买”：2025年4月引进，原创地为中国（安徽）自由贸易试验区合肥片区，出自全国自贸试验区第六批最佳实践案例。\n\n\
2．工程款“区块链+穿透式支付”：2024年移植自中国（河北）自由贸易试验区雄安片区。\n\n\
（二）川南临港片区\n\n\
1．二手车出口“预检直放”：2025年借鉴中国（安徽）自由贸易试验区芜湖片区做法。",
    );
    let tianfu = "中国（四川）自由贸易试验区成都天府新区片区";
    let chuannan = "中国（四川）自由贸易试验区川南临港片区";
    for (practice, origin, copy) in [
        (
            "专利开放许可先试后买",
            "中国（安徽）自由贸易试验区合肥片区",
            tianfu,
        ),
        (
            "工程款区块链+穿透式支付",
            "中国（河北）自由贸易试验区雄安片区",
            tianfu,
        ),
        (
            "二手车出口预检直放",
            "中国（安徽）自由贸易试验区芜湖片区",
            chuannan,
        ),
    ] {
        assert!(
            has_relation(&x, practice, Property::OriginatedIn, origin)
                && has_relation(&x, practice, Property::ReplicatedIn, copy),
            "{practice}: {}",
            relations(&x)
        );
    }
    assert!(
        has_relation(
            &x,
            "专利开放许可先试后买",
            Property::RecognizedAs,
            "全国自贸试验区第六批最佳实践案例"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_party_line_of_a_judgment_places_the_firm_in_its_area_and_bonded_zone() {
    let x = extract(
        "民事判决书",
        "原告：山东海汇融通供应链管理有限公司，住所地中国（山东）自由贸易试验区青岛片区青岛前湾综合保税区北京路45号。\n\n\
四、驳回原告山东海汇融通供应链管理有限公司的其他诉讼请求。",
    );
    let firm = "山东海汇融通供应链管理有限公司";
    assert!(
        has_entity(&x, Class::SpecialZone, "青岛前湾综合保税区"),
        "{}",
        entities(&x)
    );
    assert!(
        has_relation(
            &x,
            firm,
            Property::BasedIn,
            "中国（山东）自由贸易试验区青岛片区"
        ),
        "{}",
        relations(&x)
    );
    // Words of the court's ruling are no part of the firm's name.
    assert!(
        x.entities
            .iter()
            .all(|e| e.class != Class::Firm || e.label == firm),
        "{}",
        entities(&x)
    );
}

#[test]
fn gongsi_in_a_firms_own_document_is_that_firm_not_the_one_named_last() {
    let x = extract(
        "北京华研精测科技股份有限公司投资者关系活动记录表",
        "问：合肥子公司有什么新进展？答：合肥华研精测半导体装备有限公司今年试用了3件专利。\
问：公司近期获得了哪些荣誉？答：公司2022年被工业和信息化部认定为国家级专精特新“小巨人”企业。",
    );
    let own = "北京华研精测科技股份有限公司";
    assert!(
        has_relation(&x, own, Property::RecognizedAs, "国家级专精特新小巨人企业"),
        "{}",
        relations(&x)
    );
    assert!(
        !has_relation(
            &x,
            "合肥华研精测半导体装备有限公司",
            Property::RecognizedAs,
            "国家级专精特新小巨人企业"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn benyuan_in_a_courts_own_document_is_that_court() {
    let court = "福建省厦门市湖里区人民法院";
    let x = extract(
        court,
        "民事判决书\n\n2023年，本院首创“调解确认一站通”机制，该机制已入选福建自贸试验区第二十一批创新举措。",
    );
    // The practice, by whichever of its two names the graph keeps.
    let practice = |x: &Extraction, p: Property, o: &str| {
        x.relations.iter().any(|r| {
            r.subject.label.starts_with("调解确认一站通") && r.property == p && r.object.label == o
        })
    };
    assert!(
        practice(&x, Property::OriginatedIn, court),
        "{}",
        relations(&x)
    );
    // 该机制 is the practice, not the court named before it in the sentence.
    let x = extract(
        court,
        "民事判决书\n\n双方经本院“调解确认一站通”机制引导进行诉前调解。“调解确认一站通”系本院首创的诉调对接机制，当事人可当日申请司法确认，该机制已入选福建自贸试验区第二十一批创新举措。",
    );
    assert!(
        practice(
            &x,
            Property::RecognizedAs,
            "福建自贸试验区第二十一批创新举措"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.label == court && r.property == Property::RecognizedAs),
        "{}",
        relations(&x)
    );
    assert!(
        !has_entity(&x, Class::Practice, "本院调解确认一站通机制"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_quote_right_after_tuichu_names_a_practice() {
    let x = extract(
        "青岛片区",
        "同年，青岛片区在全国率先推出“仓单质押一码通”，为每一张数字仓单赋予唯一编码。",
    );
    assert!(
        has_entity(&x, Class::Practice, "仓单质押一码通"),
        "{}",
        entities(&x)
    );
}

#[test]
fn a_headline_that_exclaims_in_the_middle_is_the_title_not_a_wrapped_line() {
    let document = parse_text(
        "wechat.txt",
        "全省首创！跨境税费“一码清缴”入选福建自贸试验区第二十一批创新举措\n\n厦门自贸片区 2024-05-28 11:00\n\n\
近日，福建省自贸办公布了福建自贸试验区第二十一批创新举措，共18项。\n",
    );
    let article = &document.articles[0];
    assert_eq!(
        article.title,
        "全省首创！跨境税费“一码清缴”入选福建自贸试验区第二十一批创新举措"
    );
    assert!(
        article
            .paragraphs
            .iter()
            .flat_map(|p| &p.sentences)
            .any(|s| s.starts_with("近日，福建省自贸办公布了")),
        "{:?}",
        article.paragraphs
    );
}

#[test]
fn minglie_qizhong_selects_into_the_list_announced_and_a_time_may_stand_before_the_verb_of_making()
{
    let x = extract(
        "西永片区",
        "日前，商务部公布全国自贸试验区第六批最佳实践案例，中国（重庆）自由贸易试验区西永片区报送的进口货物“智验分流”监管模式名列其中。\
这项改革由西永片区与西永海关在两年前联合探索。",
    );
    let practice = "进口货物智验分流监管模式";
    assert!(
        has_relation(
            &x,
            practice,
            Property::RecognizedAs,
            "全国自贸试验区第六批最佳实践案例"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(&x, practice, Property::OriginatedIn, "西永海关"),
        "{}",
        relations(&x)
    );
}

#[test]
fn zones_before_a_copy_verb_copy_the_practice_its_object_refers_back_to() {
    let x = extract(
        "苏州片区",
        "2021年，苏州片区管委会推出“风险共担池”。据了解，湖南自贸试验区、黑龙江自贸试验区已相继引入这一模式。",
    );
    for zone in ["中国（湖南）自由贸易试验区", "中国（黑龙江）自由贸易试验区"]
    {
        assert!(
            has_relation(&x, "风险共担池", Property::ReplicatedIn, zone),
            "{zone}: {}",
            relations(&x)
        );
    }
}

#[test]
fn pianqu_guanweihui_is_the_one_area_committee_the_article_names() {
    let x = extract(
        "苏州片区",
        "2021年，苏州片区管委会推出“风险共担池”。苏州片区搭建了“知融通”知识产权金融服务平台，由片区管委会负责运营。",
    );
    let committee = x
        .entities
        .iter()
        .find(|e| e.label == "苏州片区管委会")
        .expect("the committee");
    assert!(committee.aliases.contains("片区管委会"), "{}", entities(&x));
    assert!(
        x.entities.iter().all(|e| e.label != "片区管委会"),
        "{}",
        entities(&x)
    );
}

#[test]
fn pianqu_nei_de_special_zone_is_in_the_area_whose_name_it_shares() {
    let x = extract(
        "红河片区",
        "红河片区引进山东自贸试验区青岛片区原创的大宗商品仓单质押“一码通”模式，6月在片区内的红河综合保税区完成首单业务。",
    );
    let zone = "红河综合保税区";
    assert!(
        has_relation(
            &x,
            zone,
            Property::PartOf,
            "中国（云南）自由贸易试验区红河片区"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        !has_relation(
            &x,
            zone,
            Property::PartOf,
            "中国（山东）自由贸易试验区青岛片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_bulleted_item_naming_a_quoted_practice_before_a_colon_gives_its_origin() {
    let x = extract(
        "乌鲁木齐片区制度创新",
        "- **中欧班列“集拼集运一次查验”**：乌鲁木齐海关率先探索，在乌鲁木齐片区先行先试，2025年被评为新疆自贸试验区第二批制度创新成果。\n\n\
● 台资服务：苏州片区引进“台企信用互查”服务。",
    );
    let practice = "中欧班列集拼集运一次查验";
    assert!(
        has_relation(
            &x,
            practice,
            Property::OriginatedIn,
            "中国（新疆）自由贸易试验区乌鲁木齐片区"
        ),
        "{}",
        relations(&x)
    );
    // A bullet before a field label names no practice.
    assert!(
        !has_entity(&x, Class::Practice, "台资服务"),
        "{}",
        entities(&x)
    );
}

#[test]
fn setting_up_developing_or_building_a_platform_runs_it() {
    let x = extract(
        "郑州片区优化政务服务",
        "郑州片区设立的“自贸通”综合服务窗口，2021年办理涉企事项4.6万件。郑州片区开发的“迁易办”小程序全年受理迁移业务1300余件。长安银行股份有限公司依托自建的“秦知贷”线上平台发放贷款。",
    );
    for (operator, platform) in [
        ("中国（河南）自由贸易试验区郑州片区", "自贸通综合服务窗口"),
        ("中国（河南）自由贸易试验区郑州片区", "迁易办小程序"),
    ] {
        assert!(
            has_relation(&x, operator, Property::Operates, platform),
            "{operator} → {platform}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn numbered_list_titles_with_counts_name_the_recognition_of_every_row() {
    let x = extract(
        "拟认定名单的公示",
        "一、拟认定名单\n\n（一）2024年度中国（湖南）自由贸易试验区示范企业（2家）\n\n序号　名称　所在片区或地址　推荐单位\n1　长沙星联物流有限公司　长沙片区　长沙市商务局\n2　岳阳港汇供应链有限公司　岳阳片区　岳阳市商务局\n\n注：以上企业均经第三方评估。\n\n（二）第一批湖南自贸试验区重点服务平台（1个）\n\n序号　名称　所在片区或地址　推荐单位\n1　湘贸通跨境服务平台　长沙片区　长沙市商务局\n\n注：湘贸通跨境服务平台由长沙星联物流有限公司建设并负责运行。",
    );
    let firms = "2024年度中国（湖南）自由贸易试验区示范企业";
    let platforms = "第一批湖南自贸试验区重点服务平台";
    for (holder, recognition) in [
        ("长沙星联物流有限公司", firms),
        ("岳阳港汇供应链有限公司", firms),
        ("湘贸通跨境服务平台", platforms),
    ] {
        assert!(
            has_relation(&x, holder, Property::RecognizedAs, recognition),
            "{holder} → {recognition}\n{}",
            relations(&x)
        );
    }
    assert!(
        !has_relation(&x, "湘贸通跨境服务平台", Property::RecognizedAs, firms),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "长沙星联物流有限公司",
            Property::Operates,
            "湘贸通跨境服务平台"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn an_address_after_a_firm_places_it_and_names_its_zone() {
    let x = extract(
        "中标结果公告",
        "供应商名称：襄阳汉江数智科技有限公司，地址：湖北省襄阳市樊城区追日路36号襄阳综合保税区综合服务楼5层。联系我们：湖北楚天云数科技有限公司　电话：027-8888 8888。总部：武汉市洪山区珞喻路1037号。",
    );
    for place in ["湖北省", "襄阳市", "樊城区"] {
        let found = x.relations.iter().any(|r| {
            r.subject.label == "襄阳汉江数智科技有限公司"
                && r.property == Property::LocatedIn
                && place.starts_with(r.object.label.as_str())
        });
        assert!(found, "{place}\n{}", relations(&x));
    }
    assert!(
        has_relation(
            &x,
            "襄阳汉江数智科技有限公司",
            Property::BasedIn,
            "襄阳综合保税区"
        ),
        "{}",
        relations(&x)
    );
    // An address after a heading is not the address of the firm before it.
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject.label == "湖北楚天云数科技有限公司"
                && r.property == Property::LocatedIn),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_body_that_opens_a_policy_title_issued_it() {
    let x = extract(
        "办事指南",
        "设定依据：《洛阳市人民政府关于向中国（河南）自由贸易试验区洛阳片区下放部分市级经济社会管理权限的决定》。本指南依据河南省人大常委会制定的《中国（河南）自由贸易试验区条例》编制。",
    );
    assert!(
        has_relation(
            &x,
            "洛阳市人民政府",
            Property::Issued,
            "洛阳市人民政府关于向中国（河南）自由贸易试验区洛阳片区下放部分市级经济社会管理权限的决定"
        ),
        "{}",
        relations(&x)
    );
    assert!(
        has_relation(
            &x,
            "河南省人大常委会",
            Property::Issued,
            "中国（河南）自由贸易试验区条例"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn an_area_named_in_full_in_a_table_cell_is_part_of_its_zone() {
    let x = extract(
        "复制推广经验清单",
        "序号　经验名称　首创单位　推广范围\n1　船舶证书远程核验　浙江自贸试验区舟山片区　洋浦经济开发区\n2　冷链预检分流　辽宁自贸试验区大连片区　海口综合保税区",
    );
    for (area, zone) in [
        (
            "中国（浙江）自由贸易试验区舟山片区",
            "中国（浙江）自由贸易试验区",
        ),
        (
            "中国（辽宁）自由贸易试验区大连片区",
            "中国（辽宁）自由贸易试验区",
        ),
    ] {
        assert!(
            has_relation(&x, area, Property::PartOf, zone),
            "{area}\n{}",
            relations(&x)
        );
    }
}

#[test]
fn a_column_of_landing_areas_names_the_copies() {
    let x = extract(
        "引进外地经验落地情况",
        "引进事项　首创地　落地片区\n跨境电商退货中心仓　广东自贸试验区南沙片区　两江片区\n平行进口汽车保税仓储展示交易做法　天津港东疆片区　西永片区",
    );
    assert!(
        has_relation(
            &x,
            "跨境电商退货中心仓",
            Property::ReplicatedIn,
            "中国（重庆）自由贸易试验区两江片区"
        ),
        "{}",
        relations(&x)
    );
}

#[test]
fn a_seat_in_a_later_clause_or_an_address_opening_with_a_zone_bases_the_firm() {
    let x = extract(
        "服务案例",
        "成都蓉欧达供应链管理有限公司主营中欧班列进口汽车及零部件业务，注册地为成都国际铁路港综合保税区。黑河北丰粮油进出口有限公司的注册地就在黑河片区。原告：山东海汇融通供应链管理有限公司，住所地中国（山东）自由贸易试验区青岛片区青岛前湾综合保税区北京路45号。",
    );
    for (firm, zone) in [
        ("成都蓉欧达供应链管理有限公司", "成都国际铁路港综合保税区"),
        (
            "黑河北丰粮油进出口有限公司",
            "中国（黑龙江）自由贸易试验区黑河片区",
        ),
        ("山东海汇融通供应链管理有限公司", "青岛前湾综合保税区"),
    ] {
        assert!(
            has_relation(&x, firm, Property::BasedIn, zone),
            "{firm} → {zone}\n{}",
            relations(&x)
        );
    }
}

/// A news item listing a year's results: 一、名称 on a line of its own, then
/// 首创单位：… and the item's prose in paragraphs of their own.
#[test]
fn numbered_results_with_their_creators_on_field_lines() {
    let x = extract(
        "重庆自贸试验区发布2024年度十大制度创新成果",
        "十大制度创新成果如下：\n\n一、铁海联运“一单制”\n首创单位：果园港片区、重庆陆海新通道铁海联运有限公司\n依托西部陆海新通道，推行多式联运提单。该做法目前已复制到广西自贸试验区钦州港片区。\n\n四、电子信息产品全球保税维修监管模式\n首创单位：西永片区、重庆西永海关\n在西永综合保税区实施。已在全市推广。\n\n五、主要成效\n累计完成保税维修产品420万台。",
    );
    let rail = "铁海联运一单制";
    for (p, o) in [
        (
            Property::OriginatedIn,
            "中国（重庆）自由贸易试验区果园港片区",
        ),
        (Property::OriginatedIn, "重庆陆海新通道铁海联运有限公司"),
        (
            Property::ReplicatedIn,
            "中国（广西）自由贸易试验区钦州港片区",
        ),
        (
            Property::RecognizedAs,
            "重庆自贸试验区2024年度十大制度创新成果",
        ),
    ] {
        assert!(has_relation(&x, rail, p, o), "{p:?} {o}: {}", relations(&x));
    }
    assert!(
        x.relations
            .iter()
            .any(|r| r.subject.label.starts_with("电子信息产品全球保税维修")
                && r.property == Property::OriginatedIn
                && r.object.label == "重庆西永海关"),
        "{}",
        relations(&x)
    );
    assert!(
        !has_entity(&x, Class::Practice, "主要成效"),
        "{}",
        entities(&x)
    );
}

/// A newsletter's 政策速递: each policy on a numbered line, then its fields
/// one per line (发文单位：…, 适用范围：…), none of them a title.
#[test]
fn policy_records_under_numbered_titles() {
    let document = parse_text(
        "test.txt",
        "南沙片区工作动态\n\n【政策速递】\n\n　　一、《广东省商务厅关于支持自由贸易试验区开展保税研发业务的通知》\n　　发文单位：广东省商务厅、海关总署广东分署\n　　适用范围：中国（广东）自由贸易试验区广州南沙新区片区、深圳前海蛇口片区\n　　主要内容：支持片区内企业开展保税研发。\n",
    );
    let x: Vec<Extraction> = extractor().extract_document(&document);
    let policy = "广东省商务厅关于支持自由贸易试验区开展保税研发业务的通知";
    let found = |s: &str, p: Property, o: &str| x.iter().any(|e| has_relation(e, s, p, o));
    assert!(found("广东省商务厅", Property::Issued, policy));
    assert!(found("海关总署广东分署", Property::Issued, policy));
    assert!(found(
        policy,
        Property::AppliesTo,
        "中国（广东）自由贸易试验区深圳前海蛇口片区"
    ));
    assert!(
        document
            .articles
            .iter()
            .all(|a| !a.title.starts_with("发文单位")),
        "{:?}",
        document
            .articles
            .iter()
            .map(|a| &a.title)
            .collect::<Vec<_>>()
    );
}

/// A list announced in one sentence and its members in the next:
/// 发布…第三批制度创新成果。…A、B等10项成果入选。
#[test]
fn members_selected_into_the_list_the_sentence_before_announced() {
    let x = extract(
        "我省发布第三批制度创新成果",
        "11月20日，安徽省自贸办召开新闻发布会，发布中国（安徽）自由贸易试验区第三批制度创新成果。经专家评审，蚌埠片区“链长贷”产业链金融服务等10项成果入选，涵盖投资便利等领域。",
    );
    assert!(
        x.relations
            .iter()
            .any(|r| r.subject.label.starts_with("链长贷")
                && r.property == Property::RecognizedAs
                && r.object.label == "中国（安徽）自由贸易试验区第三批制度创新成果"),
        "{}",
        relations(&x)
    );
}
