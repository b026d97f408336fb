#!/usr/bin/env python3
"""Makes the document fixtures of tests/fixtures/docs/ from the annotated
texts of tests/fixtures/heldout/: PDFs (CJK TrueType font embedded as a
Type0/Identity-H subset with a ToUnicode map, as Word and WPS export them;
running header, page numbers, an annex table whose cells wrap in narrow
columns), Word .docx files (a real Word table), saved web pages (a GBK
government CMS page with its site chrome, a WeChat article), a scanned PDF
(an image, no text layer), and a .docx zip bomb.

Needs: pip install fpdf2 python-docx (Pillow comes with fpdf2), and a CJK
font: apt-get install fonts-wqy-microhei.

Run from the repository root: python3 scripts/make-doc-fixtures.py
The files are committed, so tests need none of this.
"""

import html
import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF
from fpdf.enums import Align, VAlign, WrapMode
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests/fixtures/heldout"
OUT = ROOT / "tests/fixtures/docs"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

PAGE_NUMBER = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")


def paragraphs(name):
    """The paragraphs of a held-out text, with the page-number lines its PDF
    origin left taken out and the paragraphs they cut joined again."""
    lines = [l.strip() for l in (HELDOUT / f"{name}.txt").read_text().splitlines()]
    out, join_next = [], False
    for line in lines:
        if not line:
            continue
        if PAGE_NUMBER.match(line):
            join_next = True
            continue
        if join_next and out:
            out[-1] += line
        else:
            out.append(line)
        join_next = False
    return out


def is_row(line):
    return line.count("｜") + line.count("|") >= 2


def cells(line):
    parts = [c.strip() for c in re.split(r"[｜|]", line)]
    if line.startswith("|"):
        parts = parts[1:-1]
    return parts


def blocks(name):
    """Paragraphs and tables (lists of rows) in order; markdown rule rows
    (|---|) dropped."""
    out = []
    for p in paragraphs(name):
        if is_row(p):
            row = cells(p)
            if all(set(c) <= set("-: ") for c in row):
                continue
            if out and isinstance(out[-1], list):
                out[-1].append(row)
            else:
                out.append([row])
        else:
            out.append(p)
    return out


class Newsletter(FPDF):
    running_header = ""

    def header(self):
        if self.page_no() > 1 and self.running_header:
            self.set_font("cjk", size=9)
            self.cell(0, 6, self.running_header, align="R")
            self.ln(10)

    def footer(self):
        self.set_y(-15)
        self.set_font("cjk", size=10)
        self.cell(0, 8, f"— {self.page_no()} —", align="C")


def make_pdf(name, out, running_header, widths=None):
    pdf = Newsletter(format="A4")
    pdf.running_header = running_header
    pdf.add_font("cjk", fname=FONT)
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    for block in blocks(name):
        if isinstance(block, list):
            pdf.set_font("cjk", size=9)
            n = len(block[0])
            col = widths or tuple([1] * n)
            with pdf.table(
                col_widths=col,
                text_align=Align.L,
                v_align=VAlign.T,
                line_height=5,
                first_row_as_headings=False,
                wrapmode=WrapMode.CHAR,
            ) as table:
                for row in block:
                    r = table.row()
                    for c in row + [""] * (n - len(row)):
                        r.cell(c)
            pdf.ln(4)
            continue
        pdf.set_font("cjk", size=11)
        pdf.multi_cell(
            0, 6.5, block, align="L", new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR
        )
        pdf.ln(3)
    pdf.output(str(OUT / out))


def make_docx(name, out):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(11)
    for block in blocks(name):
        if isinstance(block, list):
            n = len(block[0])
            table = doc.add_table(rows=0, cols=n)
            table.style = "Table Grid"
            for row in block:
                cells_ = table.add_row().cells
                for i, c in enumerate(row[:n]):
                    cells_[i].text = c
        else:
            doc.add_paragraph(block)
    doc.save(str(OUT / out))


CMS_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}_工作动态_河南省商务厅</title>
<link rel="stylesheet" href="/css/index.css" />
<script type="text/javascript">var siteName = "河南省商务厅"; function changeSize(s) {{ document.getElementById('zoom').style.fontSize = s + 'px'; }}</script>
</head><body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="河南省商务厅" /></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/gzdt/">工作动态</a></div>
<div class="main">
<h1 class="title">{title}</h1>
<div class="info"><span>发布时间：{date}</span>　<span>来源：{source}</span>　<span>【字体：<a href="javascript:changeSize(18)">大</a> <a href="javascript:changeSize(16)">中</a> <a href="javascript:changeSize(14)">小</a>】</span></div>
<div id="zoom"><div class="TRS_Editor">
{body}
</div></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/a/1.html">郑州片区跨境电商进出口额同比增长两成</a></li>
<li><a href="/a/2.html">开封片区推出营商环境“二十条”</a></li>
<li><a href="/a/3.html">自贸试验区第五批最佳实践案例发布</a></li></ul></div>
</div>
<div class="footer"><p>主办：河南省商务厅　地址：郑州市金水区</p><p>网站标识码：4100000001　豫ICP备05000000号</p></div>
<script type="text/javascript">(function(){{ var hm = document.createElement("script"); }})();</script>
</body></html>
"""


def make_cms_page(name, out):
    paras = paragraphs(name)
    title = paras[0]
    m = re.search(r"发布时间：(\S+ \S+)\s*来源：(\S+)", paras[1])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[2:])
    page = CMS_PAGE.format(title=title, date=m.group(1), source=m.group(2), body=body)
    (OUT / out).write_bytes(page.encode("gbk"))


WECHAT_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0">
<meta property="og:title" content="{title}">
<title>{title}</title>
<script nonce="1">var ct = "1728383400"; var nickname = "{account}";</script>
<style>.rich_media_content{{overflow:hidden;}}</style>
</head><body id="activity-detail" class="zh_CN">
<div class="rich_media_wrp"><div class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">{title}</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">{account}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{time}</em>
<em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text">{place}</em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
{body}
</div>
<div class="rich_media_tool" id="js_toobar3"><div id="js_read_area3">阅读 <span id="readNum3">2.1万</span></div></div>
</div></div>
<div id="js_pc_qr_code" class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
<script nonce="1">window.__second_open__ = false;</script>
</body></html>
"""


def make_wechat_page(name, out):
    paras = paragraphs(name)
    title = paras[0]
    account, date, clock, place = paras[1].split()
    body = "\n".join(
        f'<section><p style="margin: 0 8px;"><span style="font-size: 15px;">{html.escape(p)}</span></p></section>'
        for p in paras[2:]
    )
    page = WECHAT_PAGE.format(
        title=html.escape(title), account=account, time=f"{date} {clock}", place=place, body=body
    )
    (OUT / out).write_text(page, encoding="utf-8")


def make_scanned_pdf(out):
    """A scanned page: an image, no text layer."""
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for y in range(80, 800, 24):
        draw.rectangle([60, y, 560 - (y * 7) % 90, y + 10], fill=40)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(buffer, x=0, y=0, w=210)
    pdf.output(str(OUT / out))


def make_zip_bomb(out):
    """A .docx whose document.xml unpacks to 128 MB (stored in ~130 kB)."""
    with zipfile.ZipFile(OUT / out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            chunk = b" " * (1 << 20)
            for _ in range(128):
                f.write(chunk)
            f.write(b"</w:body></w:document>")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    make_pdf("sichuan-newsletter", "sichuan-newsletter.pdf", "四川自贸试验区工作简报  2024年第8期")
    make_pdf("fujian-bulletin", "fujian-bulletin.pdf", "福建自贸试验区工作简报")
    make_pdf("beijing-notice-table", "beijing-notice-table.pdf", "", widths=(8, 34, 22, 18, 18))
    make_docx("beijing-notice-table", "beijing-notice-table.docx")
    make_cms_page("henan-web-article", "henan-web-article.html")
    make_wechat_page("jiangsu-wechat", "jiangsu-wechat.html")
    make_scanned_pdf("scanned.pdf")
    make_zip_bomb("zip-bomb.docx")


if __name__ == "__main__":
    main()
