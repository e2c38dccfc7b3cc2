from django import template

from newsroom.xmltext import xml_safe

register = template.Library()
register.filter("xml_safe", xml_safe)
