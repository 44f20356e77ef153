"""Rebuilds the three Noto fallback subsets in this folder (see README.md).

    pip install fonttools
    apt-get download fonts-noto-cjk fonts-noto-core && dpkg -x fonts-noto-cjk_*.deb src && dpkg -x fonts-noto-core_*.deb src
    npm pack @fontsource/noto-emoji && tar xzf fontsource-noto-emoji-*.tgz
    python3 build-subsets.py src/usr/share/fonts package/files .
"""
import glob
import sys

from fontTools.merge import Merger
from fontTools.merge import Options as MergeOptions
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable


def encoded(codec, leads, trails):
    """The characters a double-byte legacy encoding assigns in the given byte rows."""
    found = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                found.add(ord(text))
    return found


def span(first, last):
    return set(range(first, last + 1))


def subset(font, unicodes, keep_layout):
    """Keeps the glyphs of `unicodes`; shaping tables only where the script needs them."""
    options = Options()
    options.layout_features = ['*'] if keep_layout else []
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ['VORG', 'vhea', 'vmtx', 'DSIG', 'STAT']
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)


def cubic_to_quadratic(font):
    """Turns CFF outlines into TrueType ones, as fontTools' otf2ttf snippet does."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    glyf = font['glyf'] = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font['CFF ']
    glyf.compile(font)
    maxp = font['maxp'] = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for field in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font['head'].glyphDataFormat = 0
    font['post'].formatType = 3.0
    font.sfntVersion = '\x00\x01\x00\x00'


def cjk(fonts, out):
    """Kana, CJK punctuation, full-width forms, the ideographs of JIS X 0208, GB 2312 and
    Big5 level 1, and the 2,350 Hangul syllables of KS X 1001 with compatibility jamo,
    from the Japanese face of Noto Sans CJK."""
    wanted = (span(0x3000, 0x30FF) | span(0x31F0, 0x31FF) | span(0x3130, 0x318F)
              | span(0xFF00, 0xFFEF)
              | encoded('euc_jp', range(0xB0, 0xF5), range(0xA1, 0xFF))
              | encoded('gb2312', range(0xB0, 0xF8), range(0xA1, 0xFF))
              | encoded('big5', range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
              | encoded('euc_kr', range(0xB0, 0xC9), range(0xA1, 0xFF)))
    wanted = {c for c in wanted if c >= 0x2E80}
    collection = TTCollection(f'{fonts}/opentype/noto/NotoSansCJK-Regular.ttc')
    face = next(f for f in collection.fonts if 'JP' in f['name'].getDebugName(4))
    subset(face, wanted, keep_layout=False)
    cubic_to_quadratic(face)
    face.save(f'{out}/NotoSansCJKjp-Subset.ttf')


def arabic(fonts, out):
    """Arabic, Arabic Supplement and the presentation forms, with the shaping tables."""
    face = TTFont(f'{fonts}/truetype/noto/NotoSansArabic-Regular.ttf')
    wanted = (span(0x0600, 0x06FF) | span(0x0750, 0x077F) | span(0xFB50, 0xFDFF)
              | span(0xFE70, 0xFEFF) | {0x200C, 0x200D, 0x25CC})
    subset(face, wanted, keep_layout=True)
    face.save(f'{out}/NotoSansArabic-Subset.ttf')


def emoji(slices, out):
    """Monochrome Noto Emoji, merged from the regular-weight slices fontsource publishes,
    one glyph per code point (sequences show as their parts)."""
    parts = []
    for index, path in enumerate(sorted(glob.glob(f'{slices}/noto-emoji-*-400-normal.woff'))):
        part = TTFont(path)
        subset(part, part.getBestCmap().keys(), keep_layout=False)
        part.flavor = None
        parts.append(f'{out}/.emoji-part-{index}.ttf')
        part.save(parts[-1])
    merged = Merger(options=MergeOptions(drop_tables=['GSUB'])).merge(parts)
    subset(merged, merged.getBestCmap().keys(), keep_layout=False)
    merged.save(f'{out}/NotoEmoji-Subset.ttf')
    for part in parts:
        __import__('os').remove(part)


if __name__ == '__main__':
    debian_fonts, emoji_slices, out = sys.argv[1:4]
    cjk(debian_fonts, out)
    arabic(debian_fonts, out)
    emoji(emoji_slices, out)
