"""Build the judging pool of a held-out label set (tests/data/match_holdout2.csv and later).

Each set pairs the panel items of occupations never used to tune the matcher, as
``ksa.onet.select_items`` picks them from the 29.3 release (knowledge and skills with importance
>= 3.0; tools and technology capped, hot technologies first), with every course of its catalogs:

2. automotive service technicians, computer user support specialists, licensed practical nurses,
   industrial machinery mechanics; Bridgerland Technical College (titles and codes only) and
   Southwest Technical College (program, CIP and descriptions).
3. dental assistants, bus and truck mechanics and diesel engine specialists, restaurant cooks,
   architectural and civil drafters; Bridgerland and Southeast Community College, Nebraska
   (category codes and titles). Built before the session-4 program terms were written.
4. emergency medical technicians, radiologic technologists, hairdressers and cosmetologists,
   aircraft mechanics; Honolulu and Kapiolani Community Colleges (University of Hawaii:
   department, description) and Southwest Technical College. Built once the session-4 matcher
   was frozen; then studied as DEV after its first score.
5. heating, air conditioning and refrigeration mechanics, carpenters, respiratory therapists,
   bookkeeping and accounting clerks; Southeast Community College, Honolulu and Kapiolani
   Community Colleges. Built after the matcher was frozen in session 4 and scored once; then
   studied as DEV.
6. plumbers, surgical technologists, nursing assistants, childcare workers; Bridgerland,
   Southwest Tech and Southeast Community College (with its department table). Built after the
   matcher was frozen at the end of session 4: the clean check.
7. automotive body repairers, police patrol officers, dental hygienists, medical records
   specialists; Hawaii, Maui, Leeward and Kauai Community Colleges (University of Hawaii:
   department, description), none read before. Built at the start of session 5, before set 6's
   errors were read.
8. phlebotomists, firefighters, heavy and tractor-trailer truck drivers, physical therapist
   assistants; Southwest Tech, Southeast Community College (with its department table) and
   Bridgerland. Built at the end of session 5 with the session-5 matcher, before set 7's errors
   were read.
9. computer network support specialists, graphic designers, veterinary technologists and
   technicians, general maintenance and repair workers; the NCES SCED high-school course list
   (codes, titles, descriptions), Windward Community College, UH West Oahu and UH Hilo, none
   used by a set before. Built at the start of session 6, before set 8's errors were read.
10. chefs and head cooks, medical assistants, medical and clinical laboratory technicians,
   secretaries and administrative assistants; Kapiolani and Leeward Community Colleges and
   Southwest Tech. Built in session 7 with the session-7 matcher (top-k per school), before set
   8's errors were read.
11. registered nurses, preschool teachers, social and human service assistants, electrical and
   electronic engineering technologists and technicians; Hawaii Community College, UH Maui
   College and Kauai Community College. Built in session 8 with the session-8 matcher (item
   terms for knowledge and skills), before set 8's errors were read.
12. food service managers, accountants and auditors, web developers, exercise trainers and group
   fitness instructors; Kapiolani Community College, UH West Oahu and the NCES SCED high-school
   list. Built at the end of session 8 with the session-8 matcher (set 8 studied), before set
   11's errors were read.
13. information security analysts, sheet metal workers, teaching assistants, bakers; Honolulu,
   Leeward and Windward Community Colleges. Built at the start of session 9 with the session-8
   matcher, before set 11 was studied or set 12's errors were read.
14. massage therapists, mobile heavy equipment mechanics, receptionists and information clerks,
   photographers; Southwest Tech, Southeast Community College (with its department table) and
   Bridgerland. Built in session 9 with the session-9 matcher (30 per school), after sets 11 and
   12 were studied; set 13's errors not read.
15. customer service representatives, inspectors and testers, diagnostic medical sonographers,
   telecommunications equipment installers; UH Hilo, Kapiolani and Bridgerland (session 10).
16. human resources specialists, water and wastewater treatment operators, dispensing opticians,
   civil engineering technicians; Southwest Tech, UH Maui College and Leeward (end of session 10).
17. paralegals and legal assistants, occupational therapy assistants, butchers and meat cutters,
   fashion designers; Kapiolani, Honolulu Community College and Bridgerland. Built at the start
   of session 11 with the session-10 matcher, before set 15's errors were read.
18. landscaping and groundskeeping workers, substance abuse and behavioral disorder counselors,
   motorcycle mechanics, meeting, convention and event planners; Southeast Community College
   (with its department table), UH Maui College and Windward. Built late in session 11 with the
   session-11 matcher, before set 17's errors were read.
19. network and computer systems administrators, audio and video technicians, industrial truck
   and tractor operators, psychiatric technicians; Bridgerland, Hawaii Community College and Kauai
   Community College. Built at the end of session 11 with its final matcher.
20. computer programmers, skincare specialists, construction laborers, general office clerks;
   Southwest Tech, Leeward and Honolulu Community Colleges. Built at the start of session 12
   with the session-11 matcher, before set 18's errors were read.
21. hotel, motel and resort desk clerks, agricultural technicians, mechanical engineering
   technologists and technicians, public relations specialists; Southeast Community College (with
   its department table), Kapiolani and Windward Community Colleges. Built in session 12 after set
   18 was studied, with the matcher of that day.
22. interior designers, operating engineers and other construction equipment operators, real
   estate sales agents, veterinary assistants and laboratory animal caretakers; Bridgerland,
   Leeward Community College and UH Hilo. Built late in session 12 with its matcher, set 21's
   errors unread.
23. tellers, surveying and mapping technicians, construction and maintenance painters, chemical
   technicians; Southeast Community College (with its department table), Hawaii Community College
   and UH Maui College. Built at the end of session 12 with its final matcher.
24. loan officers, electrical power-line installers and repairers, occupational health and safety
   specialists, computer systems analysts; Southeast Community College (with its department
   table), UH West Oahu and Kauai Community College. Built at the start of session 13 with the
   final session-12 matcher, set 21's errors unread.
25. structural iron and steel workers, billing and posting clerks, magnetic resonance imaging
   technologists, construction managers; Bridgerland, Honolulu and Kapiolani Community Colleges.
   Built in session 13 once set 21 had been studied, set 22's errors unread.
26. public safety telecommunicators, security and fire alarm systems installers, market research
   analysts and marketing specialists, ophthalmic medical technicians; Southwest Tech, Hawaii
   and Leeward Community Colleges. Built late in session 13 once set 22 had been studied.
27. welders, cutters, solderers and brazers, pharmacy technicians, electricians, training and
   development specialists; Bridgerland, Windward Community College and UH Maui College. Built
   in session 14 with the session-14 matcher (50 per school, sibling programs), set 24's errors
   unread.
28. paramedics, industrial engineering technologists and technicians, farm equipment mechanics
   and service technicians, child, family and school social workers; Southeast Community College
   (with its department table), UH Hilo and Honolulu Community College. Built at the start of
   session 15 with the final session-14 matcher, set 27's errors unread.
29. correctional officers and jailers, millwrights, human resources assistants, medical and
   health services managers; Bridgerland, Southwest Tech and UH West Oahu. Built late in session
   15 with its final matcher, set 28's errors unread.
30. retail salespersons, payroll and timekeeping clerks, electrical and electronics repairers of
   commercial and industrial equipment, medical equipment preparers; Southeast Community College
   (with its department table), Kapiolani and Kauai Community Colleges. Built at the start of
   session 16 with the final session-15 matcher, set 29's errors unread.
31. computer numerically controlled tool operators, security guards, construction and building
   inspectors, insurance sales agents; the NCES SCED high-school course list, Southwest Tech and
   UH Maui College. Built at the start of session 17 with the final session-16 matcher, set 30's
   errors unread.
32. shipping, receiving and inventory clerks, medical equipment repairers, institutional and
   cafeteria cooks, facilities managers; Bridgerland, Honolulu Community College and UH West
   Oahu. Built late in session 17 (after the Reading Comprehension relabel), set 31's errors
   unread.
33. structural metal fabricators and fitters, elementary school teachers, tax preparers,
   cardiovascular technologists and technicians; Southeast Community College (with its
   department table), Leeward Community College and UH Hilo. Built at the start of session 18
   with the final session-17 matcher, set 31's errors unread.
34. software developers, dietetic technicians, drywall and ceiling tile installers,
   electro-mechanical and mechatronics technologists and technicians; Southwest Tech, Hawaii
   Community College and Windward Community College. Built at the start of session 19 with the
   final session-18 matcher, set 32's errors unread.
35. mechanical drafters, medical secretaries and administrative assistants, outdoor power
   equipment and other small engine mechanics, community health workers; Bridgerland, Kapiolani
   and Kauai Community Colleges. Built at the start of session 20 with the final session-19
   matcher, sets 33 and 34's errors unread.
36. cement masons and concrete finishers, medical transcriptionists, recreation workers,
   computer, automated teller and office machine repairers; the NCES SCED high-school course
   list, Southeast Community College (with its department table) and Honolulu Community College.
   Built at the start of session 21 with the final session-20 matcher, set 35's errors unread.
37. medical and clinical laboratory technologists, tile and stone setters, loan interviewers and
   clerks, computer network architects; Southwest Tech, Leeward Community College and UH Maui
   College. Built at the start of session 22 with the final session-21 matcher, set 36's errors
   unread.
38. bill and account collectors, environmental science and protection technicians, roofers,
   radiation therapists; Bridgerland, UH West Oahu and UH Hilo. Built at the start of session 23
   with the final session-22 matcher, set 37's errors unread.
39. machinists, barbers, web and digital interface designers, home health aides; the NCES SCED
   high-school course list, Southeast Community College (with its department table) and Kauai
   Community College. Built at the start of session 24 with the final session-23 matcher, set
   38's errors unread.
40. biological technicians, commercial pilots, first-line supervisors of food preparation and
   serving workers, dispatchers (except police, fire and ambulance); Southwest Tech, Windward
   Community College and Kapiolani Community College. Built at the start of session 25 with the
   final session-24 matcher, set 39's errors unread.
41. sales representatives of wholesale and manufacturing, maintenance workers of machinery,
   animal caretakers, reservation and transportation ticket agents and travel clerks; Southeast
   Community College (with its department table), Hawaii Community College and Leeward
   Community College. Built late in session 25 with its final matcher, set 40's errors unread.
42. financial managers, brickmasons and blockmasons, manicurists and pedicurists,
   light truck drivers; Bridgerland, Honolulu Community College and UH Maui College. Built at the
   end of session 25 with its final matcher (abbreviations added after set 41), sets 40 and 41
   unread.
43. computer numerically controlled tool programmers, first-line supervisors of office and
   administrative support workers, dietitians and nutritionists, sound engineering technicians;
   the NCES SCED high-school course list, UH West Oahu and UH Hilo. Built at the start of
   session 26 with the final session-25 matcher, sets 40, 41 and 42 unread.
44. forensic science technicians, lodging managers, telecommunications line installers and
   repairers, environmental engineering technicians; Kauai Community College, Southwest Tech and
   Windward Community College. Built mid-session 26 with its matcher then (life-science
   departments, budgeting, vehicle-program and electrical-department changes), sets 41, 42 and 43
   unread.
45. physician assistants, detectives and criminal investigators, parts salespersons, interviewers
   (except eligibility and loan); Bridgerland, Hawaii Community College and Leeward Community
   College. Built at the end of session 26 with its final matcher, sets 42, 43 and 44 unread.
46. nuclear medicine technologists, home appliance repairers, producers and directors, legal
   secretaries and administrative assistants; Southeast Community College (with its department
   table), Kapiolani Community College and UH Maui College. Built at the start of session 27 with
   the final session-26 matcher, sets 42, 43, 44 and 45 unread.
47. power plant operators, fire inspectors and investigators, hearing aid specialists, marketing
   managers; Southwest Tech, Honolulu Community College and UH West Oahu. Built in session 27
   with its matcher once set 42 was read (driving, nail, masonry and leadership terms), sets 43,
   44, 45 and 46 unread.
48. control and valve installers and repairers, personal financial advisors, secondary school
   teachers, athletic trainers; Bridgerland, Windward Community College and UH Hilo. Built in
   session 27 with its matcher once set 43 was read (science, fine-arts and language-arts
   changes), sets 44 to 47 unread.
49. orthotists and prosthetists, welding, soldering and brazing machine setters and operators,
   compliance officers, transit and intercity bus drivers; Southeast Community College (with its
   department table), Honolulu Community College and Kauai Community College. Built in session 27
   with its matcher once set 44 was read, sets 45 to 48 unread.
50. management analysts, occupational therapists, motorboat mechanics and service technicians,
   morticians, undertakers and funeral arrangers; the NCES SCED high-school course list,
   Kapiolani Community College and Leeward Community College. Built in session 27 with its
   matcher once set 45 was read, sets 46 to 49 unread.
51. physical therapists, highway maintenance workers, library technicians, packaging and filling
   machine operators; Southwest Tech, Hawaii Community College and Windward Community College.
   Built in session 27 with its matcher once set 46 was read, sets 47 to 50 unread.
52. conservation scientists, writers and authors, data entry keyers, waiters and waitresses;
   Bridgerland, UH Maui College and UH West Oahu. Built in session 27 with its matcher once set
   47 was read, sets 48 to 51 unread.
53. audiovisual equipment installers and repairers, production, planning and expediting clerks,
   team assemblers, education administrators (kindergarten through secondary); Southeast
   Community College (with its department table), Kapiolani Community College and Kauai Community
   College. Built at the end of session 27 with its matcher once set 48 was read, sets 49 to 52
   unread.
54. computer numerically controlled tool operators, industrial production managers, executive
   secretaries and executive administrative assistants, pharmacists; the NCES SCED high-school
   course list, Honolulu Community College and UH Hilo. Built in session 28 with its matcher once
   set 49 was read, sets 50 to 53 unread. Its CNC tool operators' code is a 2010 one: the
   release maps it to 51-9161.00, set 31's occupation.
55. first-line supervisors of mechanics, installers and repairers, speech-language pathologists,
   logisticians, first-line supervisors of housekeeping and janitorial workers; Southwest Tech,
   Leeward Community College and UH Maui College. Built in session 28 with its matcher once set
   50 was read and the Computers and Electronics labels were relabelled (round r117), sets 51
   to 54 unread; its judges had policy clause 10.
56. mechanical engineers, administrative services managers, crane and tower operators,
   educational, guidance and career counselors and advisors; Bridgerland, Kapiolani Community
   College and Windward Community College. Built in session 28 with its matcher once set 51 was
   read, sets 52 to 55 unread.
57. environmental scientists and specialists, audiologists, special effects artists and
   animators, agricultural equipment operators; Southeast Community College (with its department
   table), Hawaii Community College and UH Hilo. Built at the end of session 28 with its matcher
   once set 52 was read, sets 53 to 56 unread.
58. exercise physiologists, bailiffs, cutting, punching and press machine setters and operators
   (metal and plastic), sales managers; the NCES SCED high-school course list, Kauai Community
   College and UH West Oahu. Built at the end of session 28 with its matcher once set 53 was
   read, sets 54 to 57 unread.
59. middle school teachers, medical dosimetrists, glaziers, financial and investment analysts;
   Southeast Community College (with its department table), Leeward Community College and UH
   West Oahu. Built in session 29 with its matcher once the Education and Training labels were
   relabelled (round r120), sets 55 to 58 unread; its judges had policy clauses 10 and 11.
60. kindergarten teachers, food science technicians, molding, coremaking and casting machine
   setters and operators, sales representatives of services; Bridgerland, Kapiolani Community
   College and Hawaii Community College. Built at the end of session 29 with its final matcher
   (clauses 11 and 12 in force), set 55 read, sets 56 to 59 unread; its judges had clauses 10
   to 12.

The pool per item is the union of several rankers' suggestions, so no single ranker decides which
courses get judged: the matcher at a low cutoff (75, top 10), the matcher on titles only, and plain
rapidfuzz WRatio and token_set_ratio (top 5, cutoff 60). Rows come out sorted by item then course
title, with no hint of which ranker proposed them; ``label`` and ``why`` are left empty for the
judges, who may also add courses no ranker found.

Usage: .venv/bin/python scripts/holdout_pool.py SET /work/shared OUT.csv     (SET: 2 to 60)
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process, utils

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ksa.catalog import load_catalogs  # noqa: E402
from ksa.match import MatchQuery, match_items  # noqa: E402
from ksa.model import Course, Domain, Item  # noqa: E402
from ksa.onet.release import open_release  # noqa: E402
from ksa.onet.select import select_items  # noqa: E402
from ksa.panel import CatalogSpec  # noqa: E402

MAX_TOOLS = 8
MAX_TECHNOLOGY = 8
COLUMNS = ("soc", "item_id", "domain", "item", "item_description", "school", "course_code",
           "course_title", "program", "course_description", "label", "why")


_UH = ("uh-system-courses", "{}_courses.csv")
SETS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]] = {
    # set: (occupations, (catalog folder, file, school) ...)
    "2": (("49-3023.00", "15-1232.00", "29-2061.00", "49-9041.00"),
          (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
           ("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"))),
    "3": (("31-9091.00", "49-3031.00", "35-2014.00", "17-3011.00"),
          (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
           ("southeast-cc-nebraska", "Course.csv", "Southeast CC"))),
    "4": (("29-2042.00", "29-2034.00", "39-5012.00", "49-3011.00"),
          ((_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
           (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
           ("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"))),
    "5": (("49-9021.00", "47-2031.00", "29-1126.00", "43-3031.00"),
          (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
           (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
           (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"))),
    "6": (("47-2152.00", "29-2055.00", "31-1131.00", "39-9011.00"),
          (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
           ("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
           ("southeast-cc-nebraska", "Course.csv", "Southeast CC"))),
    "7": (("49-3021.00", "33-3051.00", "29-1292.00", "29-2072.00"),
          ((_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
           (_UH[0], _UH[1].format("maui"), "Maui College"),
           (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
           (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "8": (("31-9097.00", "33-2011.00", "53-3032.00", "31-2021.00"),
          (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
           ("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
           ("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"))),
    "9": (("15-1231.00", "27-1024.00", "29-2056.00", "49-9071.00"),
          (("sced-nces", "sced_v12.csv", "High school (SCED)"),
           (_UH[0], _UH[1].format("windward"), "Windward CC"),
           (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"),
           (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "10": (("35-1011.00", "31-9092.00", "29-2012.00", "43-6014.00"),
           ((_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            ("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"))),
    "11": (("29-1141.00", "25-2011.00", "21-1093.00", "17-3023.00"),
           ((_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "12": (("11-9051.00", "13-2011.00", "15-1254.00", "39-9031.00"),
           ((_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"),
            ("sced-nces", "sced_v12.csv", "High school (SCED)"))),
    "13": (("15-1212.00", "47-2211.00", "25-9042.00", "51-3011.00"),
           ((_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"))),
    "14": (("31-9011.00", "49-3042.00", "43-4171.00", "27-4021.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            ("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            ("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"))),
    "15": (("43-4051.00", "51-9061.00", "29-2032.00", "49-2022.00"),
           ((_UH[0], _UH[1].format("hilo"), "UH Hilo"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            ("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"))),
    "16": (("13-1071.00", "51-8031.00", "29-2081.00", "17-3022.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("maui"), "Maui College"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"))),
    "17": (("23-2011.00", "31-2011.00", "51-3021.00", "27-1022.00"),
           ((_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            ("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"))),
    "18": (("37-3011.00", "21-1011.00", "49-3052.00", "13-1121.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"))),
    "19": (("15-1244.00", "27-4011.00", "53-7051.00", "29-2053.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "20": (("15-1251.00", "39-5094.00", "47-2061.00", "43-9061.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"))),
    "21": (("43-4081.00", "19-4012.00", "17-3027.00", "27-3031.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"))),
    "22": (("27-1025.00", "47-2073.00", "41-9022.00", "31-9096.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "23": (("43-3071.00", "17-3031.00", "47-2141.00", "19-4031.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"))),
    "24": (("13-2072.00", "49-9051.00", "19-5011.00", "15-1211.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "25": (("47-2221.00", "43-3021.00", "29-2035.00", "11-9021.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"))),
    "26": (("43-5031.00", "49-2098.00", "13-1161.00", "29-2057.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"))),
    "27": (("51-4121.00", "29-2052.00", "47-2111.00", "13-1151.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"))),
    "28": (("29-2043.00", "17-3026.00", "49-3041.00", "21-1021.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"))),
    "29": (("33-3012.00", "49-9044.00", "43-4161.00", "11-9111.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            ("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"))),
    "30": (("41-2031.00", "43-3051.00", "49-2094.00", "31-9093.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "31": (("51-9161.00", "33-9032.00", "47-4011.00", "41-3021.00"),
           (("sced-nces", "sced_v12.csv", "High school (SCED)"),
            ("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("maui"), "Maui College"))),
    "32": (("43-5071.00", "49-9062.00", "35-2012.00", "11-3013.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"))),
    "33": (("51-2041.00", "25-2021.00", "13-2082.00", "29-2031.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "34": (("15-1252.00", "29-2051.00", "47-2081.00", "17-3024.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"))),
    "35": (("17-3013.00", "43-6013.00", "49-3053.00", "21-1094.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "36": (("47-2051.00", "31-9094.00", "39-9032.00", "49-2011.00"),
           (("sced-nces", "sced_v12.csv", "High school (SCED)"),
            ("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"))),
    "37": (("29-2011.00", "47-2044.00", "43-4131.00", "15-1241.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"))),
    "38": (("43-3011.00", "19-4042.00", "47-2181.00", "29-1124.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "39": (("51-4041.00", "39-5011.00", "15-1255.00", "31-1121.00"),
           (("sced-nces", "sced_v12.csv", "High school (SCED)"),
            ("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "40": (("19-4021.00", "53-2012.00", "35-1012.00", "43-5032.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"))),
    "41": (("41-4012.00", "49-9043.00", "39-2021.00", "43-4181.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"))),
    "42": (("11-3031.00", "47-2021.00", "39-5092.00", "53-3033.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"))),
    "43": (("51-9162.00", "43-1011.00", "29-1031.00", "27-4014.00"),
           (("sced-nces", "sced_v12.csv", "High school (SCED)"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "44": (("19-4092.00", "11-9081.00", "49-9052.00", "17-3025.00"),
           ((_UH[0], _UH[1].format("kauai"), "Kauai CC"),
            ("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"))),
    "45": (("29-1071.00", "33-3021.00", "41-2022.00", "43-4111.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"))),
    "46": (("29-2033.00", "49-9031.00", "27-2012.00", "43-6012.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"))),
    "47": (("51-8013.00", "33-2021.00", "29-2092.00", "11-2021.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"))),
    "48": (("49-9012.00", "13-2052.00", "25-2031.00", "29-9091.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "49": (("29-2091.00", "51-4122.00", "13-1041.00", "53-3052.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "50": (("13-1111.00", "29-1122.00", "49-3051.00", "39-4031.00"),
           (("sced-nces", "sced_v12.csv", "High school (SCED)"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"))),
    "51": (("29-1123.00", "47-4051.00", "25-4031.00", "51-9111.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"))),
    "52": (("19-1031.00", "27-3043.00", "43-9021.00", "35-3031.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("maui"), "Maui College"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"))),
    "53": (("49-2097.00", "43-5061.00", "51-2092.00", "11-9032.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"))),
    "54": (("51-4011.00", "11-3051.00", "43-6011.00", "29-1051.00"),
           (("sced-nces", "sced_v12.csv", "High school (SCED)"),
            (_UH[0], _UH[1].format("honolulucc"), "Honolulu CC"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "55": (("49-1011.00", "29-1127.00", "13-1081.00", "37-1011.00"),
           (("stech-southwest-tech-utah", "stech_courses.csv", "Southwest Tech"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            (_UH[0], _UH[1].format("maui"), "Maui College"))),
    "56": (("17-2141.00", "11-3012.00", "53-7021.00", "21-1012.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("windward"), "Windward CC"))),
    "57": (("19-2041.00", "29-1181.00", "27-1014.00", "45-2091.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"),
            (_UH[0], _UH[1].format("hilo"), "UH Hilo"))),
    "58": (("29-1128.00", "33-3011.00", "51-4031.00", "11-2022.00"),
           (("sced-nces", "sced_v12.csv", "High school (SCED)"),
            (_UH[0], _UH[1].format("kauai"), "Kauai CC"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"))),
    "59": (("25-2022.00", "29-2036.00", "47-2121.00", "13-2051.00"),
           (("southeast-cc-nebraska", "Course.csv", "Southeast CC"),
            (_UH[0], _UH[1].format("leeward"), "Leeward CC"),
            (_UH[0], _UH[1].format("west_oahu"), "UH West Oahu"))),
    "60": (("25-2012.00", "19-4013.00", "51-4072.00", "41-3091.00"),
           (("btech-bridgerland", "course_hours.csv", "Bridgerland Tech"),
            (_UH[0], _UH[1].format("kapiolani"), "Kapiolani CC"),
            (_UH[0], _UH[1].format("hawaiicc"), "Hawaii CC"))),
}


# a catalog's table of subject codes and department names, read as the product reads it
DEPARTMENT_TABLES = {("southeast-cc-nebraska", "Course.csv"): "CourseCategory.csv"}


def catalog_specs(shared: Path, which: str, departments: bool = True) -> list[CatalogSpec]:
    """The set's catalogs; ``departments=False`` leaves out the code -> department tables (the
    pools of sets 2 to 5 were built without them, set 6's with them)."""
    out = []
    for folder, name, school in SETS[which][1]:
        table = DEPARTMENT_TABLES.get((folder, name)) if departments else None
        out.append(CatalogSpec(shared / "catalogs" / folder / name, school=school,
                               departments=shared / "catalogs" / folder / table if table else None))
    return out


def panel_items(shared: Path, soc: str) -> list[Item]:
    release = open_release(shared / "onet" / "db_29_3_excel")
    domains = (Domain.KNOWLEDGE, Domain.SKILLS, Domain.TOOLS, Domain.TECHNOLOGY)
    profile = release.profile(soc, domains)
    chosen = select_items(profile, domains=domains, importance_min=3.0).items
    rated = [i for i in chosen if i.domain in (Domain.KNOWLEDGE, Domain.SKILLS)]
    tools = [i for i in chosen if i.domain is Domain.TOOLS][:MAX_TOOLS]
    technology = sorted((i for i in chosen if i.domain is Domain.TECHNOLOGY),
                        key=lambda i: (not i.hot_technology, i.name))[:MAX_TECHNOLOGY]
    return rated + tools + technology


def pool(items: Sequence[Item], courses: Sequence[Course], soc: str) -> dict[str, set[int]]:
    """item_id -> indexes into ``courses`` suggested by any ranker."""
    queries = [MatchQuery(key=i.item_id, domain=i.domain.value, text=i.name) for i in items]
    index = {id(c): n for n, c in enumerate(courses)}
    out: dict[str, set[int]] = {i.item_id: set() for i in items}
    bare = [replace(c, program="", cip="", description="") for c in courses]
    bare_index = {id(c): n for n, c in enumerate(bare)}
    for found, lookup in ((match_items(queries, courses, soc=soc, top_k=10, score_cutoff=75), index),
                          (match_items(queries, bare, top_k=10, score_cutoff=75), bare_index)):
        for key, matches in found.items():
            out[key].update(lookup[id(m.course)] for m in matches)
    titles = [c.course_title for c in courses]
    for item in items:
        for scorer in (fuzz.WRatio, fuzz.token_set_ratio):
            for _title, _score, n in process.extract(item.name, titles, scorer=scorer,
                                                     processor=utils.default_process, limit=5,
                                                     score_cutoff=60):
                out[item.item_id].add(n)
    return out


def pool_rows(shared: Path, courses: Sequence[Course], occupations: Sequence[str]) -> list[dict[str, str]]:
    """One unlabelled row per (occupation, item, distinct school and course title) in the pool."""
    rows: list[dict[str, str]] = []
    for soc in occupations:
        items = panel_items(shared, soc)
        suggested = pool(items, courses, soc)
        for item in items:
            seen: set[tuple[str, str]] = set()
            for n in sorted(suggested[item.item_id], key=lambda n: courses[n].course_title.casefold()):
                course = courses[n]
                key = (course.school, course.course_title.casefold())
                if key in seen:
                    continue
                seen.add(key)
                rows.append({
                    "soc": soc, "item_id": item.item_id, "domain": item.domain.value,
                    "item": item.name, "item_description": item.description,
                    "school": course.school, "course_code": course.course_code,
                    "course_title": course.course_title, "program": course.program,
                    "course_description": course.description[:400], "label": "", "why": "",
                })
        print(f"{soc}: {len(items)} items, {sum(1 for r in rows if r['soc'] == soc)} pairs")
    return rows


def write_pool(rows: Sequence[dict[str, str]], out_path: Path) -> None:
    with out_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} pairs -> {out_path}")


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in SETS:
        print(__doc__)
        return 2
    which, shared, out_path = argv[0], Path(argv[1]), Path(argv[2])
    courses = list(load_catalogs(catalog_specs(shared, which, departments=int(which) >= 6)).courses)
    print(f"{len(courses)} courses")
    write_pool(pool_rows(shared, courses, SETS[which][0]), out_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
