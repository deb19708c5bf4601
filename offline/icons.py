"""Draws the app icons once (``python -m offline.icons``); the PNGs are committed.

A white "B" on the header's blue (#003e61), inside the central 80 % so that the same
image serves as a maskable icon (launchers cut circles or squircles out of it).
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BLUE = (0, 62, 97)
YELLOW = (255, 191, 71)  # the focus colour of site.css
OUT = Path(__file__).resolve().parent / "static" / "offline"


def draw(size):
    image = Image.new("RGB", (size, size), BLUE)
    pen = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=int(size * 0.56))
    box = pen.textbbox((0, 0), "B", font=font)
    width, height = box[2] - box[0], box[3] - box[1]
    origin = ((size - width) / 2 - box[0], (size - height) / 2 - box[1] - size * 0.04)
    pen.text(origin, "B", font=font, fill="white")
    bar = size * 0.06
    pen.rectangle((size * 0.3, size * 0.72, size * 0.7, size * 0.72 + bar), fill=YELLOW)
    return image


def main():
    for size in (192, 512):
        draw(size).save(OUT / f"icon-{size}.png", optimize=True)


if __name__ == "__main__":
    main()
